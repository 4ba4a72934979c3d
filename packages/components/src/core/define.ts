import { devWarn } from '#dev';

/**
 * Defines a custom element unless the tag is taken. Two copies of the SDK on one ministry page
 * (a portal and an embedded widget) must not break each other: the second one leaves the first
 * definition in place (and warns in development builds).
 */
export function defineElement(tag: string, constructor: CustomElementConstructor): void {
  if (typeof customElements === 'undefined') return;
  const existing = customElements.get(tag);
  if (existing) {
    if (existing !== constructor) {
      devWarn(
        tag,
        'already defined (another copy of @iq-eservices/components?); keeping the first definition.',
      );
    }
    return;
  }
  customElements.define(tag, constructor);
}
