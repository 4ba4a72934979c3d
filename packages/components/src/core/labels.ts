import { msg } from '@lit/localize';
import type { MemberRelation } from '@iq-eservices/api';

/**
 * Catalogue messages by contract code (`son`, `flour`…). A code the library does not know yet (a
 * contract that grew) is shown as the server sent it.
 */
export type Labels = Readonly<Record<string, () => string>>;

/**
 * A member's relation to the head of household: the same codes in the ration card and the social
 * protection contracts (`MemberRelation`, `Relation`), so one set of messages serves every element.
 */
export const RELATIONS: Labels = {
  head: () => msg('Head of household', { id: 'relation.head' }),
  spouse: () => msg('Husband or wife', { id: 'relation.spouse' }),
  son: () => msg('Son', { id: 'relation.son' }),
  daughter: () => msg('Daughter', { id: 'relation.daughter' }),
  father: () => msg('Father', { id: 'relation.father' }),
  mother: () => msg('Mother', { id: 'relation.mother' }),
  brother: () => msg('Brother', { id: 'relation.brother' }),
  sister: () => msg('Sister', { id: 'relation.sister' }),
  grandchild: () => msg('Grandchild', { id: 'relation.grandchild' }),
  other: () => msg('Other relative', { id: 'relation.other' }),
} satisfies Record<MemberRelation, () => string>;
