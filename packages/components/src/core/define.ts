/**
 * Defines a custom element unless the tag is taken. Two copies of the SDK on one ministry page
 * (a portal and an embedded widget) must not break each other: the second one warns and leaves
 * the first definition in place.
 */
export function defineElement(tag: string, constructor: CustomElementConstructor): void {
  if (typeof customElements === 'undefined') return;
  const existing = customElements.get(tag);
  if (existing) {
    if (existing !== constructor) {
      console.warn(
        `<${tag}> is already defined (another copy of @iq-eservices/components?); keeping the first definition.`,
      );
    }
    return;
  }
  customElements.define(tag, constructor);
}
