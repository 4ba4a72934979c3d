// What the stories of the library's form controls share (`<iq-national-id-input>`,
// `<iq-phone-input>`, `<iq-otp-input>`): their controls, the control rendered with them, and a
// play function that shows the error as after a submit attempt.
import type { ArgTypes, Meta } from '@storybook/web-components-vite';
import type { IqFormControl } from '../packages/components/src/core/form-control.js';

/** The arguments of every form control's stories. */
export interface FieldArgs {
  label?: string;
  hint?: string;
  value: string;
  name: string;
  required: boolean;
  disabled: boolean;
  numerals?: 'latn' | 'arab';
  /** Show the error at once, as after a submit attempt (stories only). */
  showError: boolean;
}

/** The control, with the shared arguments set. */
export function renderField(tag: string, args: FieldArgs): IqFormControl {
  const field = document.createElement(tag) as IqFormControl;
  Object.assign(field, {
    name: args.name,
    value: args.value,
    required: args.required,
    disabled: args.disabled,
    numerals: args.numerals,
  });
  // An empty label or hint means the control's localized default.
  if (args.label) field.label = args.label;
  if (args.hint) field.hint = args.hint;
  return field;
}

/**
 * The shared part of a form control's stories' meta, to spread into the file's default export
 * (which names `title` and `component` itself: Storybook reads those without running the file).
 * `args` and `argTypes` add the control's own.
 */
export function fieldMeta<A extends FieldArgs>(
  tag: string,
  options: {
    name: string;
    args?: Partial<A>;
    argTypes?: Partial<ArgTypes<A>>;
    render?: (args: A) => HTMLElement;
  },
): Pick<Meta<A>, 'args' | 'argTypes' | 'render' | 'play'> {
  return {
    args: {
      value: '',
      name: options.name,
      required: false,
      disabled: false,
      showError: false,
      ...options.args,
    } as Partial<A>,
    // Descriptions, types and defaults come from the manifest (.storybook/manifest-argtypes.ts).
    argTypes: {
      label: { control: 'text' },
      hint: { control: 'text' },
      value: { control: 'text' },
      name: { control: 'text' },
      required: { control: 'boolean' },
      disabled: { control: 'boolean' },
      numerals: { control: 'inline-radio', options: [undefined, 'latn', 'arab'] },
      showError: {
        control: 'boolean',
        description: 'Reports the field’s validity once rendered, as a submit attempt would.',
        table: { category: 'story' },
      },
      ...options.argTypes,
    } as Partial<ArgTypes<A>>,
    render: options.render ?? ((args) => renderField(tag, args)),
    play: async ({ canvasElement, args }) => {
      const field = canvasElement.querySelector<IqFormControl>(tag);
      if (!field || !args.showError) return;
      await field.updateComplete;
      field.reportValidity();
    },
  };
}
