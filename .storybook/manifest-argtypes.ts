import type { ArgTypes, InputType } from 'storybook/internal/types';

// The docs pages' API tables, read from custom-elements.json. Storybook's own reader keys every
// row by its bare name, so a part, an event or a slot named like an attribute replaces it (`method`
// of <iq-login> is both an attribute and a part), and it gives parts, events and slots controls
// that cannot do anything. Here every row keeps its section: attributes and properties (one row
// per field, keyed by the property, which is what a story's args set), then events, slots, CSS
// custom properties and CSS parts under keys of their own. Only fields and CSS custom properties
// have controls; defaults come from the manifest.

/** The section titles of the API table, in their order on the page. */
export const SECTIONS = {
  fields: 'attributes and properties',
  events: 'events',
  slots: 'slots',
  cssProperties: 'css custom properties',
  cssParts: 'css shadow parts',
} as const;

interface Described {
  name: string;
  description?: string;
  default?: string;
  type?: { text?: string };
}

interface Field extends Described {
  kind: string;
  static?: boolean;
  privacy?: string;
  readonly?: boolean;
  attribute?: string;
}

interface Attribute extends Described {
  fieldName?: string;
}

interface Declaration {
  tagName?: string;
  members?: Field[];
  attributes?: Attribute[];
  events?: Described[];
  slots?: Described[];
  cssProperties?: Described[];
  cssParts?: Described[];
}

interface Manifest {
  modules?: { declarations?: Declaration[] }[];
}

/** The declaration of the element registered as `tag`, if the manifest has it. */
export function declarationOf(manifest: object, tag: string): Declaration | undefined {
  for (const module of (manifest as Manifest).modules ?? [])
    for (const declaration of module.declarations ?? [])
      if (declaration.tagName === tag) return declaration;
  return undefined;
}

/** No control, and no invitation to set one up: a dash. */
const NO_CONTROL = { disable: true } as const;

/** A control that can set a value of this TypeScript type, or none. */
function controlFor(typeText: string | undefined): Partial<Pick<InputType, 'control' | 'options'>> {
  const parts = (typeText ?? '')
    .split('|')
    .map((part) => part.trim())
    .filter((part) => part && part !== 'undefined' && part !== 'null');
  if (parts.length === 1 && parts[0] === 'boolean') return { control: 'boolean' };
  if (parts.length === 1 && parts[0] === 'number') return { control: 'number' };
  if (parts.length === 1 && parts[0] === 'string') return { control: 'text' };
  if (parts.length > 1 && parts.every((part) => /^'[^']*'$/.test(part)))
    return { control: 'select', options: parts.map((part) => part.slice(1, -1)) };
  return { control: NO_CONTROL };
}

function row(
  item: Described,
  category: string,
  extra: Partial<InputType> & { typeSummary?: string },
): InputType {
  const { typeSummary = item.type?.text, ...rest } = extra;
  return {
    name: item.name,
    description: item.description ?? '',
    table: {
      category,
      ...(typeSummary ? { type: { summary: typeSummary } } : {}),
      ...(item.default !== undefined ? { defaultValue: { summary: item.default } } : {}),
    },
    control: NO_CONTROL,
    ...rest,
  };
}

/** `--iq-color-*` tokens whose default is a colour get a colour picker; the others a text box. */
function cssPropertyControl(property: Described): InputType['control'] {
  return /^--iq-color-/.test(property.name) && /^#[0-9a-f]{3,8}$/i.test(property.default ?? '')
    ? { type: 'color' }
    : { type: 'text' };
}

/** The API table of one element, for `parameters.docs.extractArgTypes`. */
export function argTypesFromManifest(manifest: object, tag: string): ArgTypes {
  const declaration = declarationOf(manifest, tag);
  if (!declaration) return {};
  const argTypes: ArgTypes = {};
  const attributes = new Map(
    (declaration.attributes ?? []).map((a) => [a.fieldName ?? a.name, a] as const),
  );
  for (const field of declaration.members ?? []) {
    if (field.kind !== 'field' || field.static || (field.privacy ?? 'public') !== 'public')
      continue;
    const attribute = attributes.get(field.name);
    const attributeName = field.attribute ?? attribute?.name;
    const how = attributeName
      ? `Attribute \`${attributeName}\`${attributeName === field.name ? '' : `, property \`${field.name}\``}.`
      : 'Property only (no attribute).';
    argTypes[field.name] = row(
      { ...field, default: field.default ?? attribute?.default },
      SECTIONS.fields,
      {
        description: [how, field.readonly ? 'Read-only.' : '', field.description ?? '']
          .filter(Boolean)
          .join(' '),
        ...(field.readonly ? { control: NO_CONTROL } : controlFor(field.type?.text)),
      },
    );
  }
  // Attributes without a field of their own (none today): listed, without a control.
  for (const [fieldName, attribute] of attributes)
    if (!(fieldName in argTypes))
      argTypes[`attribute:${attribute.name}`] = row(attribute, SECTIONS.fields, {});
  for (const event of declaration.events ?? [])
    argTypes[`event:${event.name}`] = row(event, SECTIONS.events, {});
  for (const slot of declaration.slots ?? [])
    argTypes[`slot:${slot.name || 'default'}`] = row(
      { ...slot, name: slot.name || '(default)' },
      SECTIONS.slots,
      {},
    );
  // Keyed by the property's own name: `cssPropertiesDecorator` applies what the controls set.
  for (const property of declaration.cssProperties ?? [])
    argTypes[property.name] = row(property, SECTIONS.cssProperties, {
      control: cssPropertyControl(property),
      typeSummary: 'CSS',
    });
  for (const part of declaration.cssParts ?? [])
    argTypes[`part:${part.name}`] = row(part, SECTIONS.cssParts, { typeSummary: '::part' });
  return argTypes;
}
