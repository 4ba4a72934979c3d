import { draftLifecycle, type DraftRecord } from '../drafts.js';
import { maskNationalId } from '../data/citizens.js';
import { fieldError } from '../messages.js';
import type { BlockReason, RationAgent, RationHousehold, RationItem } from '../data/ration-card.js';
import type { FieldError, Lang, OperationContext, ServiceModule } from '../types.js';

type Localized = Record<Lang, string>;

/** What unblocks a card, per reason, and the change request that starts it online (if any). */
const UNBLOCK: Record<
  BlockReason,
  { code: string; requestKind: string | null; reason: Localized; action: Localized }
> = {
  'not-updated': {
    code: 'update-data',
    requestKind: null,
    reason: {
      ar: 'البطاقة موقوفة لأن بيانات الأسرة لم تُحدَّث ضمن حملة تحديث البيانات.',
      ckb: 'کارتەکە ڕاگیراوە چونکە زانیارییەکانی خێزان لە هەڵمەتی نوێکردنەوەدا نوێ نەکراونەتەوە.',
      en: 'The card is blocked because the family data was not updated in the data-update campaign.',
    },
    action: {
      ar: 'حدّث بيانات أسرتك عبر تطبيق وزارة التجارة أو لدى مركز التموين، وتُفعَّل البطاقة بعد التدقيق.',
      ckb: 'زانیارییەکانی خێزانەکەت لە ڕێگەی ئەپی وەزارەتی بازرگانی یان لە بنکەی بازرگانی نوێ بکەرەوە؛ دوای پشکنین کارتەکە چالاک دەکرێتەوە.',
      en: 'Update your family data in the Ministry of Trade app or at your supply centre; the card is reactivated after review.',
    },
  },
  duplicate: {
    code: 'remove-duplicate',
    requestKind: null,
    reason: {
      ar: 'البطاقة موقوفة لأن أحد أفراد الأسرة مسجل على بطاقة تموينية أخرى أيضاً.',
      ckb: 'کارتەکە ڕاگیراوە چونکە یەکێک لە ئەندامانی خێزان لەسەر کارتێکی تری خۆراکیش تۆمار کراوە.',
      en: 'The card is blocked because a member of the family is also registered on another ration card.',
    },
    action: {
      ar: 'راجع مركز التموين مع البطاقة الوطنية لكل فرد لحذف التسجيل المكرر.',
      ckb: 'لەگەڵ کارتی نیشتمانیی هەر ئەندامێک سەردانی بنکەی بازرگانی بکە بۆ سڕینەوەی تۆمارە دووبارەکە.',
      en: "Visit your supply centre with each member's national card to remove the duplicate registration.",
    },
  },
  'deceased-member-listed': {
    code: 'remove-deceased-member',
    requestKind: 'remove-deceased-member',
    reason: {
      ar: 'البطاقة موقوفة لأن أحد أفراد الأسرة المتوفين ما زال مسجلاً عليها.',
      ckb: 'کارتەکە ڕاگیراوە چونکە ئەندامێکی کۆچکردووی خێزان هێشتا لەسەری تۆمار کراوە.',
      en: 'The card is blocked because a deceased member of the family is still listed on it.',
    },
    action: {
      ar: 'قدّم طلب حذف فرد متوفى مع شهادة الوفاة، وتُفعَّل البطاقة بعد الموافقة.',
      ckb: 'داواکاریی لابردنی ئەندامی کۆچکردوو لەگەڵ بڕوانامەی مردن پێشکەش بکە؛ دوای ڕەزامەندی کارتەکە چالاک دەکرێتەوە.',
      en: 'Submit a request to remove the deceased member with the death certificate; the card is reactivated once it is approved.',
    },
  },
  'data-mismatch': {
    code: 'correct-data',
    requestKind: null,
    reason: {
      ar: 'البطاقة موقوفة لأن بيانات الأسرة ناقصة أو لا تطابق سجلات الأحوال المدنية.',
      ckb: 'کارتەکە ڕاگیراوە چونکە زانیارییەکانی خێزان ناتەواون یان لەگەڵ تۆمارەکانی باری شارستانی ناگونجێن.',
      en: 'The card is blocked because the family data is incomplete or does not match the civil registry.',
    },
    action: {
      ar: 'راجع مركز التموين مع البطاقات الوطنية وبطاقة السكن لتصحيح البيانات.',
      ckb: 'لەگەڵ کارتە نیشتمانییەکان و کارتی نیشتەجێبوون سەردانی بنکەی بازرگانی بکە بۆ ڕاستکردنەوەی زانیارییەکان.',
      en: 'Visit your supply centre with the national cards and the residence card to correct the data.',
    },
  },
  abroad: {
    code: 'confirm-residence',
    requestKind: null,
    reason: {
      ar: 'البطاقة موقوفة لأن الأسرة مسجلة على أنها مقيمة خارج العراق.',
      ckb: 'کارتەکە ڕاگیراوە چونکە خێزانەکە وەک نیشتەجێی دەرەوەی عێراق تۆمار کراوە.',
      en: 'The card is blocked because the household is recorded as living outside Iraq.',
    },
    action: {
      ar: 'إذا كنتم مقيمين في العراق، راجعوا مركز التموين مع بطاقة السكن لتأكيد الإقامة.',
      ckb: 'ئەگەر لە عێراق نیشتەجێن، لەگەڵ کارتی نیشتەجێبوون سەردانی بنکەی بازرگانی بکەن بۆ پشتڕاستکردنەوەی نیشتەجێبوون.',
      en: 'If you live in Iraq, visit your supply centre with your residence card to confirm your residence.',
    },
  },
};

/** Display names of the basket's items (clients may localize the `item` code themselves). */
const ITEM_NAMES: Record<RationItem, Localized> = {
  flour: { ar: 'طحين', ckb: 'ئارد', en: 'Flour' },
  rice: { ar: 'رز', ckb: 'برنج', en: 'Rice' },
  sugar: { ar: 'سكر', ckb: 'شەکر', en: 'Sugar' },
  'cooking-oil': { ar: 'زيت الطعام', ckb: 'ڕۆنی خواردن', en: 'Cooking oil' },
  legumes: { ar: 'بقوليات', ckb: 'پاقلەمەنی', en: 'Legumes' },
  tea: { ar: 'شاي', ckb: 'چا', en: 'Tea' },
  'infant-milk': { ar: 'حليب الأطفال', ckb: 'شیری منداڵان', en: 'Infant milk' },
  soap: { ar: 'صابون', ckb: 'سابوون', en: 'Soap' },
  detergent: { ar: 'مسحوق الغسيل', ckb: 'پاودەری جلشۆردن', en: 'Detergent' },
};

/** Documents each kind of change request needs before it can be submitted. */
const REQUIRED_DOCUMENTS: Record<string, string | null> = {
  'add-newborn': 'birth-certificate',
  'remove-deceased-member': 'death-certificate',
  'change-address': 'residence-card',
  'change-agent': null,
};

/** Relations a newborn can have to the head of household. */
const NEWBORN_RELATIONS = new Set(['son', 'daughter', 'grandchild', 'brother', 'sister', 'other']);

// Iraq keeps UTC+3 all year: "today" and "this month" are Baghdad's, not UTC's, so that a child born
// just after midnight in Baghdad is not a birth "in the future".
const BAGHDAD_OFFSET_MS = 3 * 60 * 60 * 1000;

/** Today's date in Baghdad (`YYYY-MM-DD`). */
function today(now: Date): string {
  return new Date(now.getTime() + BAGHDAD_OFFSET_MS).toISOString().slice(0, 10);
}

function household(ctx: OperationContext): RationHousehold | null {
  return ctx.citizen ? (ctx.state.rationCard.households[ctx.citizen.id] ?? null) : null;
}

function agentView(agent: RationAgent | undefined) {
  if (!agent) return null;
  return {
    id: agent.id,
    name: agent.name,
    address: agent.address,
    ...(agent.location ? { location: agent.location } : {}),
    ...(agent.phone ? { phone: agent.phone } : {}),
  };
}

function statusView(card: RationHousehold, lang: Lang) {
  if (card.status.state === 'active') return { state: 'active' as const };
  const unblock = UNBLOCK[card.status.reasonCode];
  return {
    state: 'blocked' as const,
    reasonCode: card.status.reasonCode,
    blockedSince: card.status.blockedSince,
    action: { code: unblock.code, requestKind: unblock.requestKind },
    reasonText: unblock.reason[lang],
    actionText: unblock.action[lang],
  };
}

/** Whether the card was blocked during `month` (nothing is handed out from the month it is blocked). */
function blockedIn(card: RationHousehold, month: string): boolean {
  return card.status.state === 'blocked' && month >= card.status.blockedSince.slice(0, 7);
}

// ---- cursors ---------------------------------------------------------------------------------------

// A cursor names the last month of the previous page; it is opaque to clients (base64url) so that
// the paging scheme can change without breaking them.
function encodeCursor(month: string): string {
  return btoa(`m:${month}`).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function decodeCursor(cursor: string): string | null {
  try {
    const text = atob(cursor.replace(/-/g, '+').replace(/_/g, '/'));
    const match = /^m:([0-9]{4}-(0[1-9]|1[0-2]))$/.exec(text);
    return match?.[1] ?? null;
  } catch {
    return null;
  }
}

// ---- change-request rules a schema cannot express ------------------------------------------------

interface Answers {
  newborn?: { name?: string; birthDate?: string; sex?: string; relation?: string };
  deceasedMemberId?: string;
  dateOfDeath?: string;
  newAddress?: {
    governorate?: string;
    district?: string;
    locality?: string;
    nearestLandmark?: string;
  };
  agentType?: 'food' | 'flour';
  newAgentId?: string;
  note?: string;
}

/** Rules on the answers themselves, checked on every save and on submit (pointers relative to the answers). */
function checkAnswers(raw: Record<string, unknown>, ctx: OperationContext): FieldError[] {
  const answers = raw as Answers;
  const errors: FieldError[] = [];
  const day = today(ctx.now);
  const card = household(ctx);
  if (answers.newborn?.birthDate && answers.newborn.birthDate > day) {
    errors.push(fieldError('/newborn/birthDate', 'future-date', ctx.lang));
  }
  if (answers.newborn?.relation && !NEWBORN_RELATIONS.has(answers.newborn.relation)) {
    errors.push(fieldError('/newborn/relation', 'invalid', ctx.lang));
  }
  if (answers.dateOfDeath && answers.dateOfDeath > day) {
    errors.push(fieldError('/dateOfDeath', 'future-date', ctx.lang));
  }
  if (answers.deceasedMemberId) {
    const member = card?.members.find((m) => m.id === answers.deceasedMemberId);
    // The head cannot be removed this way: the card passes to another member at the supply centre.
    if (!member || member.relation === 'head') {
      errors.push(fieldError('/deceasedMemberId', 'invalid', ctx.lang));
    } else if (answers.dateOfDeath && answers.dateOfDeath < member.birthDate) {
      errors.push(fieldError('/dateOfDeath', 'invalid', ctx.lang));
    }
  }
  if (answers.newAgentId) {
    const agent = ctx.state.rationCard.agents[answers.newAgentId];
    const governorate = answers.newAddress?.governorate ?? card?.governorate;
    if (
      !agent ||
      agent.governorate !== governorate ||
      (answers.agentType && agent.kind !== answers.agentType)
    ) {
      errors.push(fieldError('/newAgentId', 'invalid', ctx.lang));
    }
  }
  return errors;
}

/** What each kind needs before submission (pointers rooted at the stored draft). */
function checkComplete(draft: DraftRecord, ctx: OperationContext): FieldError[] {
  const answers = draft.answers as Answers;
  const errors: FieldError[] = [];
  const need = (present: unknown, pointer: string) => {
    if (present === undefined || present === null || present === '')
      errors.push(fieldError(pointer, 'required', ctx.lang));
  };
  switch (draft.kind) {
    case 'add-newborn':
      need(answers.newborn?.name, '/answers/newborn/name');
      need(answers.newborn?.birthDate, '/answers/newborn/birthDate');
      need(answers.newborn?.sex, '/answers/newborn/sex');
      need(answers.newborn?.relation, '/answers/newborn/relation');
      break;
    case 'remove-deceased-member':
      need(answers.deceasedMemberId, '/answers/deceasedMemberId');
      need(answers.dateOfDeath, '/answers/dateOfDeath');
      break;
    case 'change-address':
      need(answers.newAddress?.governorate, '/answers/newAddress/governorate');
      need(answers.newAddress?.district, '/answers/newAddress/district');
      need(answers.newAddress?.locality, '/answers/newAddress/locality');
      break;
    case 'change-agent': {
      need(answers.agentType, '/answers/agentType');
      need(answers.newAgentId, '/answers/newAgentId');
      const card = household(ctx);
      const current = answers.agentType === 'flour' ? card?.flourAgentId : card?.foodAgentId;
      if (answers.newAgentId && answers.newAgentId === current) {
        errors.push(fieldError('/answers/newAgentId', 'invalid', ctx.lang));
      }
      break;
    }
  }
  const documentType = REQUIRED_DOCUMENTS[draft.kind];
  if (documentType && !draft.documents.some((d) => d.type === documentType)) {
    errors.push(fieldError('/documents', 'required', ctx.lang));
  }
  return errors;
}

const changeRequests = draftLifecycle({
  drafts: (state) => state.rationCard.drafts,
  idPrefix: 'rcr',
  referencePrefix: 'RC',
  checkAnswers,
  checkComplete,
});

// ---- the service -----------------------------------------------------------------------------------

/** The ration card service (Ministry of Trade, Public Distribution System): `openapi/ration-card.yaml`. */
export const rationCardService: ServiceModule = {
  name: 'ration-card',
  handlers: {
    revealMemberNationalId: (ctx) => {
      const card = household(ctx);
      const member = card?.members.find((m) => m.id === ctx.path['memberId']);
      if (!member) return ctx.problem(404, 'not-found');
      return ctx.json(200, { memberId: member.id, nationalId: member.nationalId });
    },
    listRationAgents: (ctx) => {
      const governorate = ctx.query['governorate'] ?? household(ctx)?.governorate;
      if (!governorate) return ctx.problem(404, 'not-found');
      const items = Object.values(ctx.state.rationCard.agents)
        .filter((a) => a.governorate === governorate && a.kind === ctx.query['type'])
        .sort((a, b) => a.name.localeCompare(b.name, 'ar'))
        .map(agentView);
      return ctx.json(200, { items });
    },
    getRationCard: (ctx) => {
      const card = household(ctx);
      if (!card) return ctx.problem(404, 'not-found');
      const head = card.members.find((m) => m.relation === 'head') ?? card.members[0];
      if (!head) return ctx.problem(404, 'not-found');
      const agents = ctx.state.rationCard.agents;
      return ctx.json(200, {
        cardNumber: card.cardNumber,
        status: statusView(card, ctx.lang),
        headOfHousehold: { name: head.name, maskedNationalId: maskNationalId(head.nationalId) },
        governorate: card.governorate,
        supplyCentre: card.supplyCentre,
        foodAgent: agentView(agents[card.foodAgentId]),
        flourAgent: agentView(agents[card.flourAgentId]),
        members: card.members.map((m) => ({
          id: m.id,
          name: m.name,
          relation: m.relation,
          birthDate: m.birthDate,
          maskedNationalId: maskNationalId(m.nationalId),
          ...(m.relation === 'head' ? { isHead: true } : {}),
        })),
        updatedAt: card.updatedAt,
      });
    },

    getRationEntitlements: (ctx) => {
      const card = household(ctx);
      if (!card) return ctx.problem(404, 'not-found');
      const thisMonth = today(ctx.now).slice(0, 7);
      const month = (ctx.query['month'] as string | undefined) ?? thisMonth;
      const basket = ctx.state.rationCard.baskets[month];
      if (!basket) return ctx.problem(404, 'not-found');
      const memberCount = card.members.length;
      const record = card.distributions.find((d) => d.month === month);
      const items = basket.map((line) => {
        const given = record?.lines.find((l) => l.item === line.item);
        const base = {
          item: line.item,
          name: ITEM_NAMES[line.item][ctx.lang],
          quantityPerPerson: line.quantityPerPerson,
          unit: line.unit,
          // Rounded to a thousandth so that per-person fractions do not print as 4.499999.
          total: Math.round(line.quantityPerPerson * memberCount * 1000) / 1000,
        };
        if (given && given.status !== 'pending')
          return { ...base, status: given.status, receivedQuantity: given.quantity };
        if (given) return { ...base, status: 'pending' };
        // Nothing recorded: due for this month and later ones, unless the card is blocked.
        const status =
          !blockedIn(card, month) && month >= thisMonth ? 'pending' : 'not-distributed';
        return { ...base, status };
      });
      return ctx.json(200, { month, memberCount, items });
    },

    listRationDistributions: (ctx) => {
      const card = household(ctx);
      if (!card) return ctx.problem(404, 'not-found');
      const limit = (ctx.query['limit'] as number | undefined) ?? 12;
      const cursor = ctx.query['cursor'] as string | undefined;
      let before: string | null = null;
      if (cursor !== undefined) {
        before = decodeCursor(cursor);
        if (!before) {
          return ctx.problem(422, 'validation.failed', {
            errors: [fieldError('/query/cursor', 'invalid', ctx.lang)],
          });
        }
      }
      const thisMonth = today(ctx.now).slice(0, 7);
      const months = card.distributions
        .filter((d) => d.month <= thisMonth && (before === null || d.month < before))
        .sort((a, b) => b.month.localeCompare(a.month));
      const page = months.slice(0, limit);
      const agents = ctx.state.rationCard.agents;
      const items = page.map((d) => ({
        month: d.month,
        items: d.lines.map((l) => {
          const agent = l.agentId ? agents[l.agentId] : undefined;
          return {
            item: l.item,
            status: l.status,
            quantity: l.quantity,
            receivedAt: l.receivedAt,
            agent: agent ? { id: agent.id, name: agent.name } : null,
          };
        }),
      }));
      const last = page[page.length - 1];
      const nextCursor = months.length > limit && last ? encodeCursor(last.month) : null;
      return ctx.json(200, { items, page: { nextCursor, limit } });
    },

    createChangeRequest: changeRequests.create,
    listChangeRequests: changeRequests.list,
    getChangeRequest: changeRequests.get,
    saveChangeRequest: changeRequests.save,
    uploadChangeRequestDocument: changeRequests.uploadDocument,
    deleteChangeRequestDocument: changeRequests.deleteDocument,
    submitChangeRequest: changeRequests.submit,
    getChangeRequestStatus: changeRequests.status,
    getRationCardUploadPolicy: changeRequests.uploadPolicy,
  },
};
