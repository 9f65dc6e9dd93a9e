/**
 * The default policy pack: Tanum municipality's IT policy, adopted by Kommunstyrelsen on
 * 2002-12-18, with every clause of docs/requirements.md. New municipalities start from it and
 * publish their own versions; the clauses are data in tanum/, split by section so files stay short,
 * beside the policy's Swedish text they quote (tanum/it-policy-2002.sv.txt, the adopted document).
 */
import { freezeDeeply, type ParameterDefinition, type PolicyPack } from './policy-pack.ts';
import { departmentClauses } from './tanum/clauses-departments.ts';
import { dataToRevisionClauses } from './tanum/clauses-data-to-revision.ts';
import { itUnitToSoftwareClauses } from './tanum/clauses-it-unit-to-software.ts';
import { scopeToCouncilClauses } from './tanum/clauses-scope-to-council.ts';

const parameterList: ParameterDefinition[] = [
  {
    key: 'registerConfirmationIntervalMonths',
    value: 12,
    unit: 'months',
    descriptionSv: 'Hur ofta systemansvarig eller en ersättare ska bekräfta systemets uppgifter i förteckningen (ITP-4.2-REGISTER).',
    descriptionEn: "How often the system manager or a deputy confirms the system's entry in the register (ITP-4.2-REGISTER).",
  },
  {
    key: 'dutyConfirmationIntervalMonths',
    value: 12,
    unit: 'months',
    descriptionSv: 'Hur ofta systemansvarigs åtta uppgifter ska bekräftas (ITP-4.2.3-DUTIES).',
    descriptionEn: "How often the system manager's eight duties are confirmed (ITP-4.2.3-DUTIES).",
  },
  {
    key: 'reviewIntervalMonths',
    value: 12,
    unit: 'months',
    descriptionSv: 'Hur ofta den systemägande förvaltningen ska gå igenom ett system (ITP-4.2-REVIEW).',
    descriptionEn: 'How often the owning department reviews a system (ITP-4.2-REVIEW).',
  },
  {
    key: 'riskAnalysisIntervalMonths',
    value: 12,
    unit: 'months',
    descriptionSv: 'Hur gammal ett systems riskanalys får vara innan den ska uppdateras (ITP-4.2.1-RISK-CURRENT).',
    descriptionEn: "How old a system's risk analysis may be before it must be updated (ITP-4.2.1-RISK-CURRENT).",
  },
  {
    key: 'securityTrainingIntervalMonths',
    value: 36,
    unit: 'months',
    descriptionSv: 'Hur gammal en användares senaste utbildning i IT-säkerhet får vara (ITP-5-SECURITY-NET).',
    descriptionEn: "How old a user's latest IT security training may be (ITP-5-SECURITY-NET).",
  },
  {
    key: 'policyRevisionIntervalMonths',
    value: 36,
    unit: 'months',
    // §13: "minst vart tredje år".
    descriptionSv: 'Hur ofta IT-policyn ska utvärderas: minst vart tredje år (ITP-13-REVISE).',
    descriptionEn: 'How often the IT policy is evaluated: at least every third year (ITP-13-REVISE).',
  },
  {
    key: 'operationsInstructionReviewIntervalMonths',
    value: 12,
    unit: 'months',
    descriptionSv: 'Hur ofta IT-chefen ska granska driftinstruktionen (ITP-4.3-OPS-INSTRUCTION).',
    descriptionEn: 'How often the IT chief reviews the operations instruction (ITP-4.3-OPS-INSTRUCTION).',
  },
  {
    key: 'trainingCoverageThresholdPercent',
    value: 90,
    unit: 'percent',
    descriptionSv:
      'Hur stor andel av en förvaltnings medarbetare (eller av ett systems användare) som minst ska ha gått en utbildning för att förvaltningen ska uppfylla kravet (ITP-5-SECURITY-NET, ITP-5-ADEQUATE, ITP-8-INFO, ITP-4.2-TRAIN-OTHERS).',
    descriptionEn:
      "The least share of a department's employees (or of a system's users) who have attended a course for the department to meet the clause (ITP-5-SECURITY-NET, ITP-5-ADEQUATE, ITP-8-INFO, ITP-4.2-TRAIN-OTHERS).",
  },
  {
    key: 'acknowledgementCoverageThresholdPercent',
    value: 90,
    unit: 'percent',
    descriptionSv:
      'Hur stor andel av en förvaltnings medarbetare som minst ska ha bekräftat gällande policydokument, och bekräftat en ny version i tid (ITP-4.2-KNOW, ITP-12-KNOWLEDGE, ITP-12-CHANGE-INFORM).',
    descriptionEn:
      "The least share of a department's employees who have acknowledged the policy documents in force, and a new version in time (ITP-4.2-KNOW, ITP-12-KNOWLEDGE, ITP-12-CHANGE-INFORM).",
  },
  {
    key: 'dataProtectionTrainingIntervalMonths',
    value: 36,
    unit: 'months',
    descriptionSv: 'Hur gammal en medarbetares senaste utbildning i dataskydd och offentlighet får vara (ITP-8-INFO).',
    descriptionEn: "How old an employee's latest training in data protection and public access may be (ITP-8-INFO).",
  },
  {
    key: 'privacyReviewIntervalMonths',
    value: 12,
    unit: 'months',
    descriptionSv: 'Hur gammal dataskyddsombudets senaste granskning av en registerförteckning får vara (ITP-8-PERSONAL-DATA).',
    descriptionEn: "How old the data protection officer's latest review of a record of processing may be (ITP-8-PERSONAL-DATA).",
  },
  // Förvalta's own personal data (issue #16, ADR 0029): no clause; the pseudonymisation job reads it.
  {
    key: 'pseudonymiseAfterYears',
    value: 5,
    unit: 'years',
    descriptionSv:
      'Hur många år efter sista anställningsdagen en person som slutat ersätts av en pseudonym i Förvalta (namn, e-post och anställningsnummer tas bort), om inget pågående ärende behöver personen.',
    descriptionEn:
      'How many years after their last day a person who has left is replaced by a pseudonym in Förvalta (name, e-mail and employee number removed), unless an open matter still needs them.',
  },
  {
    key: 'changeNoticeAcknowledgeWorkingDays',
    value: 5,
    unit: 'working_days',
    descriptionSv:
      'Inom hur många arbetsdagar IT-enheten ska bekräfta en anmälan om ändrad drift eller ändrat ansvar (ITP-4.2.2-CHANGE-NOTICE).',
    descriptionEn:
      'Within how many working days the IT unit acknowledges a notice of a change in operation or responsibility (ITP-4.2.2-CHANGE-NOTICE).',
  },
  {
    key: 'documentAcknowledgementWorkingDays',
    value: 10,
    unit: 'working_days',
    descriptionSv:
      'Inom hur många arbetsdagar medarbetarna ska bekräfta att de läst en ny version av ett policydokument, och en ny medarbetare de gällande (ITP-12-CHANGE-INFORM, ITP-3-INFORM-NEW).',
    descriptionEn:
      'Within how many working days employees acknowledge a new version of a policy document, and a new employee the current ones (ITP-12-CHANGE-INFORM, ITP-3-INFORM-NEW).',
  },
  // Issue #14: access rights (ITP-4.2.3-ACCESS-LEAVERS, ITP-4.2.3-RECERTIFY, ITP-4.2.3-PRIVILEGED).
  {
    key: 'leaverGraceWorkingDays',
    value: 3,
    unit: 'working_days',
    descriptionSv:
      'Hur många arbetsdagar efter sista anställningsdagen en person som slutat får ha kvar sina behörigheter (ITP-4.2.3-ACCESS-LEAVERS).',
    descriptionEn:
      'For how many working days after their last day a person who has left may still hold access rights (ITP-4.2.3-ACCESS-LEAVERS).',
  },
  {
    key: 'recertificationIntervalMonths',
    value: 12,
    unit: 'months',
    descriptionSv: 'Hur ofta ett systems behörigheter ska omprövas (ITP-4.2.3-RECERTIFY).',
    descriptionEn: "How often a system's access rights are recertified (ITP-4.2.3-RECERTIFY).",
  },
  {
    key: 'privilegedRecertificationIntervalMonths',
    value: 6,
    unit: 'months',
    descriptionSv: 'Hur ofta behörigheter på privilegierade nivåer ska omprövas (ITP-4.2.3-RECERTIFY).',
    descriptionEn: 'How often rights at privileged levels are recertified (ITP-4.2.3-RECERTIFY).',
  },
  {
    key: 'privilegedHoldersMax',
    value: 0,
    unit: 'count',
    descriptionSv: 'Hur många personer som högst får ha en privilegierad nivå i ett system; 0 stänger av regeln (ITP-4.2.3-PRIVILEGED).',
    descriptionEn: 'How many people at most may hold a privileged level in a system; 0 switches the rule off (ITP-4.2.3-PRIVILEGED).',
  },
];

/** Frozen: it is the template for every municipality; to change it, copy it (structuredClone). */
export const tanumPolicyPack: PolicyPack = freezeDeeply({
  key: 'tanum-it-policy',
  version: '1.1.0',
  document: {
    title: 'IT-policy för Tanums kommun',
    adoptedBy: 'Kommunstyrelsen',
    decisionDate: '2002-12-18',
    // The policy names no diary number, only the board and the date.
    decisionReference: 'KS 2002-12-18',
  },
  clauses: [...scopeToCouncilClauses, ...departmentClauses, ...itUnitToSoftwareClauses, ...dataToRevisionClauses],
  parameters: Object.fromEntries(parameterList.map((parameter) => [parameter.key, parameter])),
});
