import { maskNationalId } from '../data/citizens.js';
import {
  answersFrom,
  type BeneficiaryRecord,
  type MemberAnswer,
  type UpdateAnswers,
} from '../data/social-protection.js';
import { draftLifecycle, type DraftRecord } from '../drafts.js';
import { fieldErrorDetail } from '../messages.js';
import type { FieldError, OperationContext, ServiceModule } from '../types.js';

/** The beneficiary household of the signed-in citizen, if there is one. */
function beneficiaryOf(ctx: OperationContext): BeneficiaryRecord | undefined {
  return ctx.citizen ? ctx.state.socialProtection.beneficiaries[ctx.citizen.id] : undefined;
}

/**
 * Today's date in Baghdad (UTC+3, no daylight saving since 2008): a child born this morning in
 * Iraq has today's Iraqi date even while it is still yesterday in UTC.
 */
function iraqToday(now: Date): string {
  return new Date(now.getTime() + 3 * 60 * 60 * 1000).toISOString().slice(0, 10);
}

/** The contract's `BeneficiaryProfile`: national and residence card numbers leave masked. */
function profileResource(record: BeneficiaryRecord) {
  const { residenceCardNumber, ...residence } = record.residence;
  return {
    beneficiaryId: record.beneficiaryId,
    status: record.status,
    household: {
      members: record.members.map(({ nationalId, ...member }) => ({
        ...member,
        maskedNationalId: maskNationalId(nationalId),
      })),
    },
    residence: { ...residence, residenceCardNumber: `******${residenceCardNumber.slice(-4)}` },
    contact: record.contact,
    income: record.income,
    health: record.health,
    housing: record.housing,
    updatedAt: record.updatedAt,
  };
}

/**
 * Rules of the answers a schema cannot say, checked on every save and on submission: no birth
 * date after today, and members that claim to be on file really are (once each). Pointers are
 * relative to the answers.
 */
function checkAnswers(answers: Record<string, unknown>, ctx: OperationContext): FieldError[] {
  const members = (answers as UpdateAnswers).household?.members ?? [];
  const onFile = new Set((beneficiaryOf(ctx)?.members ?? []).map((m) => m.id));
  const today = iraqToday(ctx.now);
  const seen = new Set<string>();
  const errors: FieldError[] = [];
  members.forEach((member, i) => {
    if (member.birthDate > today) {
      errors.push({
        pointer: `/household/members/${i}/birthDate`,
        code: 'future-date',
        detail: fieldErrorDetail('future-date', ctx.lang),
      });
    }
    if (member.id !== undefined) {
      if (!onFile.has(member.id)) {
        errors.push({
          pointer: `/household/members/${i}/id`,
          code: 'unknown-member',
          detail: fieldErrorDetail('unknown-member', ctx.lang),
        });
      } else if (seen.has(member.id)) {
        errors.push({
          pointer: `/household/members/${i}/id`,
          code: 'duplicate',
          detail: fieldErrorDetail('duplicate', ctx.lang),
        });
      }
      seen.add(member.id);
    }
  });
  return errors;
}

const SECTIONS = ['residence', 'contact', 'household', 'income', 'health', 'housing'] as const;

const isNew = (member: MemberAnswer) => member.id === undefined;

/**
 * What a beneficiary update needs before submission, pointing into the stored draft: every section,
 * one head of household, a national number for each new member (not one already on file), the rent
 * of a rented home, the rate of a disability, and the documents that prove the answers.
 */
function checkComplete(draft: DraftRecord, ctx: OperationContext): FieldError[] {
  const answers = draft.answers as UpdateAnswers;
  const record = beneficiaryOf(ctx);
  const errors: FieldError[] = [];
  const required = (pointer: string) =>
    errors.push({ pointer, code: 'required', detail: fieldErrorDetail('required', ctx.lang) });

  for (const section of SECTIONS) {
    if (answers[section] === undefined) required(`/answers/${section}`);
  }

  const members = answers.household?.members;
  if (members) {
    if (members.filter((m) => m.relation === 'head').length !== 1) {
      errors.push({
        pointer: '/answers/household/members',
        code: 'one-head',
        detail: fieldErrorDetail('one-head', ctx.lang),
      });
    }
    const known = new Set((record?.members ?? []).map((m) => m.nationalId));
    members.forEach((member, i) => {
      if (!isNew(member)) return;
      const pointer = `/answers/household/members/${i}/nationalId`;
      if (member.nationalId === undefined) required(pointer);
      else if (known.has(member.nationalId)) {
        errors.push({
          pointer,
          code: 'duplicate',
          detail: fieldErrorDetail('duplicate', ctx.lang),
        });
      } else known.add(member.nationalId);
    });
  }
  if (answers.housing?.type === 'rented' && answers.housing.monthlyRent === undefined) {
    required('/answers/housing/monthlyRent');
  }
  if (
    answers.health &&
    answers.health.disability !== 'none' &&
    answers.health.disabilityPercentage === undefined
  ) {
    required('/answers/health/disabilityPercentage');
  }

  // Documents that prove what changed; the national card proves who is asking, every time.
  const has = (...types: string[]) => draft.documents.some((d) => types.includes(d.type));
  const needDocument = (document: string) =>
    errors.push({
      pointer: '/documents',
      code: 'document-required',
      detail: fieldErrorDetail(`document-required.${document}`, ctx.lang),
    });
  if (!has('national-card')) needDocument('national-card');
  const residence = answers.residence;
  if (
    residence &&
    record &&
    (residence.governorate !== record.residence.governorate ||
      residence.district !== record.residence.district ||
      residence.locality !== record.residence.locality) &&
    !has('residence-card')
  ) {
    needDocument('residence-card');
  }
  if (members?.some(isNew) && !has('birth-certificate')) needDocument('birth-certificate');
  const health = answers.health;
  if (
    health &&
    record &&
    health.disability !== 'none' &&
    (health.disability !== record.health.disability ||
      health.disabilityPercentage !== record.health.disabilityPercentage) &&
    !has('medical-report', 'disability-certificate')
  ) {
    needDocument('medical-report');
  }
  return errors;
}

const lifecycle = draftLifecycle({
  drafts: (state) => state.socialProtection.drafts,
  idPrefix: 'upd',
  referencePrefix: 'MZL',
  initialAnswers: (ctx) => {
    const record = beneficiaryOf(ctx);
    return record ? answersFrom(record) : {};
  },
  checkAnswers,
  checkComplete,
});

/** The Mazalati platform (منصة مظلتي): beneficiary data, allowance payments and update requests. */
export const socialProtectionService: ServiceModule = {
  name: 'social-protection',
  handlers: {
    getBeneficiaryProfile: (ctx) => {
      const record = beneficiaryOf(ctx);
      return record ? ctx.json(200, profileResource(record)) : ctx.problem(404, 'not-found');
    },
    getAllowanceSchedule: (ctx) => {
      const record = beneficiaryOf(ctx);
      const schedule = ctx.citizen
        ? ctx.state.socialProtection.schedules[ctx.citizen.id]
        : undefined;
      if (!record || !schedule) return ctx.problem(404, 'not-found');
      return ctx.json(200, { beneficiaryId: record.beneficiaryId, ...schedule });
    },
    // Only beneficiaries have data to update.
    createUpdateRequest: (ctx) =>
      beneficiaryOf(ctx) ? lifecycle.create(ctx) : ctx.problem(404, 'not-found'),
    listUpdateRequests: lifecycle.list,
    getUpdateRequest: lifecycle.get,
    saveUpdateRequest: lifecycle.save,
    uploadUpdateRequestDocument: lifecycle.uploadDocument,
    deleteUpdateRequestDocument: lifecycle.deleteDocument,
    submitUpdateRequest: lifecycle.submit,
    getUpdateRequestStatus: lifecycle.status,
    getSocialProtectionUploadPolicy: lifecycle.uploadPolicy,
  },
};
