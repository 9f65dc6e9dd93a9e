/**
 * The Tanum pack's clauses, §8 Personal data and public access to §13 Evaluation and revision.
 * textSv quotes the policy verbatim from it-policy-2002.sv.txt (paragraphs separated by a blank
 * line); textEn restates it in English. IDs, kinds and English titles follow docs/requirements.md.
 */
import type { Clause } from '../policy-pack.ts';

export const dataToRevisionClauses: Clause[] = [
  {
    id: 'ITP-8-PERSONAL-DATA',
    section: '8',
    kind: 'rule',
    titleSv: 'Personuppgifter',
    titleEn: 'Personal data',
    textSv: 'Kommunens hantering av personuppgifter skall följa Personuppgiftslagen (PUL).',
    textEn:
      'Personal data is handled per the data protection law (in 2002 PUL; today the GDPR and the Swedish Data Protection Act 2018:218): each system records whether it processes personal data and, if so, a record of processing (purposes, categories of data subjects and data, recipients, transfers, retention, security measures, legal basis) reviewed by the data protection officer.',
    ruleDescriptionSv:
      'Varje system som behandlar personuppgifter ingår i minst en registerförteckning. Varje sådan förteckning har rättslig grund (och undantag enligt art. 9 för känsliga uppgifter), lagringstid, en granskning av dataskyddsombudet från de senaste {{privacyReviewIntervalMonths}} månaderna och ett undertecknat, giltigt personuppgiftsbiträdesavtal för varje biträde; känsliga personuppgifter kräver en konsekvensbedömning.',
    ruleDescriptionEn:
      'Every system that processes personal data is covered by at least one record of processing. Each such record has a legal basis (and an art. 9 exception for special categories), a retention, a review by the data protection officer within the last {{privacyReviewIntervalMonths}} months and a signed, unexpired data processing agreement for each processor; special categories require an impact assessment.',
  },
  {
    id: 'ITP-8-OFFICIAL-DOC',
    section: '8',
    kind: 'rule',
    titleSv: 'Allmänna handlingar',
    titleEn: 'Official documents',
    textSv:
      'All hantering av dokument skall följa Personuppgiftslag och Offentlighetslagstiftning. I detta sammanhang skall observeras, att till kommunen inkommen e-post skall betraktas som inkommen handling.',
    textEn:
      'All document handling follows the data protection and public access laws; incoming e-mail is an incoming official document (inkommen handling).',
    ruleDescriptionSv:
      'Minst {{acknowledgementCoverageThresholdPercent}} % av varje förvaltnings aktiva medarbetare med egen e-postlåda har bekräftat att de har läst kansliets regler för e-post (den version som gäller).',
    ruleDescriptionEn:
      "At least {{acknowledgementCoverageThresholdPercent}} % of each department's active employees with a personal mailbox have acknowledged the secretariat's e-mail rules (the version in force).",
  },
  {
    id: 'ITP-8-MAILBOX',
    section: '8',
    kind: 'rule',
    titleSv: 'Bevakning av brevlådor',
    titleEn: 'Watching mailboxes',
    textSv:
      'Av ovanstående följer, att medarbetare som tilldelas brevlåda för e-post regelbundet skall bevaka denna, då inkommande post kan kräva hantering i enlighet med kommunens bestämmelser om inkomna handlingar.',
    textEn:
      'A person given a mailbox must watch it regularly: functional (shared) mailboxes have a responsible person and a deputy, like systems.',
    ruleDescriptionSv: 'Varje funktionsbrevlåda har en ansvarig person och minst en ersättare, båda anställda och olika personer.',
    ruleDescriptionEn: 'Every functional mailbox has a responsible person and at least one deputy, both employed and different people.',
  },
  {
    id: 'ITP-8-INFO',
    section: '8',
    kind: 'record+rule',
    titleSv: 'Information om dataskydd och offentlighet',
    titleEn: 'Information on data protection and public access',
    textSv:
      'Kommunkansliet sammanställer information i dessa frågor tillsammans med kommunens PUL-ombud. Kansliet ansvarar för utbildning och kontinuerlig information till kommunens politiker och anställda i frågor som rör Personuppgiftslag och Offentlighetslagstiftning.',
    textEn:
      'The secretariat, with the data protection officer, trains and informs politicians and employees on data protection and public access: courses of that topic, with attendance.',
    ruleDescriptionSv:
      'Minst {{trainingCoverageThresholdPercent}} % av varje förvaltnings aktiva medarbetare har gått en utbildning i dataskydd och offentlighet under de senaste {{dataProtectionTrainingIntervalMonths}} månaderna.',
    ruleDescriptionEn:
      "At least {{trainingCoverageThresholdPercent}} % of each department's active employees have attended a course in data protection and public access within the last {{dataProtectionTrainingIntervalMonths}} months.",
  },
  {
    id: 'ITP-9-AS-MAIL',
    section: '9',
    kind: 'record+rule',
    titleSv: 'E-post hanteras som post',
    titleEn: 'E-mail handled as mail',
    textSv:
      'e-post blir ett allt viktigare arbetsredskap i kommunens verksamhet. All e-post skall administrativt hanteras som traditionell post. Kommunkansliet ansvarar för regler kring e-posten i detta hänseende.',
    textEn: 'E-mail is handled administratively like traditional mail; the secretariat sets the rules (a policy document).',
    ruleDescriptionSv: 'Sekretariatets regler för e-post finns som ett antaget policydokument som inte är förbi sitt granskningsdatum.',
    ruleDescriptionEn: "The secretariat's e-mail rules are an adopted policy document, not past its review date.",
  },
  {
    id: 'ITP-10-OWN-USE',
    section: '10',
    kind: 'record+rule',
    titleSv: 'Internetförbindelsen',
    titleEn: 'The Internet connection',
    textSv:
      'Kommunens Internet-förbindelse är avsedd att användas enbart för kommunens egna kommunikationsbehov. KS har fattat beslut i detta ärende 2000-08-09.',
    textEn:
      "The municipality's Internet connection is for its own communication needs only (KS decision 2000-08-09): a rule of use, acknowledged like the other documents.",
    ruleDescriptionSv:
      'Regeln för användningen av Internetanslutningen finns som ett antaget policydokument som inte är förbi sitt granskningsdatum.',
    ruleDescriptionEn: 'The rule for using the Internet connection is an adopted policy document, not past its review date.',
  },
  {
    id: 'ITP-11-GUIDELINES',
    section: '11',
    kind: 'record+rule',
    titleSv: 'Riktlinjer för IT-säkerhet',
    titleEn: 'IT security guidelines',
    textSv: 'För kommunens arbete med IT-säkerhet gäller ett speciellt dokument: "Riktlinjer för IT-säkerhet i Tanums kommun".',
    textEn: 'The IT security guidelines are their own document: versioned, acknowledged, reviewed.',
    ruleDescriptionSv: 'Riktlinjerna för IT-säkerhet finns som ett antaget policydokument som inte är förbi sitt granskningsdatum.',
    ruleDescriptionEn: 'The IT security guidelines are an adopted policy document, not past its review date.',
  },
  {
    id: 'ITP-12-KNOWLEDGE',
    section: '12',
    kind: 'rule',
    titleSv: 'Kunskap om reglerna',
    titleEn: 'Knowing the rules',
    textSv:
      'Det åligger varje förvaltning att tillse att varje medarbetare, som använder IT-stöd i sitt arbete, har nödvändig kunskap kring kommunens IT-policy och Riktlinjer för IT-säkerhet samt övriga regler som gäller för användningen.',
    textEn:
      'Every department makes sure each employee who uses IT knows the IT policy, the security guidelines and the other rules of use.',
    ruleDescriptionSv:
      'Minst {{acknowledgementCoverageThresholdPercent}} % av varje förvaltnings aktiva medarbetare har bekräftat gällande versioner av alla policydokument som ska bekräftas: IT-policyn, riktlinjerna och övriga regler för användningen.',
    ruleDescriptionEn:
      "At least {{acknowledgementCoverageThresholdPercent}} % of each department's active employees have acknowledged the versions in force of every policy document that asks for it: the IT policy, the guidelines and the other rules of use.",
  },
  {
    id: 'ITP-12-CHANGE-INFORM',
    section: '12',
    kind: 'notice+rule',
    titleSv: 'Information vid ändringar',
    titleEn: 'Informing about changes',
    textSv:
      'Vid förändringar i policydokument eller av regler för IT-verksamheten skall anställda utan fördröjning informeras om förändringarna av sin förvaltning.',
    textEn:
      'When a policy document or rule changes, employees are informed without delay by their department: publishing a new version notifies every affected employee and tracks acknowledgement of that version, per department.',
    ruleDescriptionSv:
      'Efter en ny version (inte en redaktionell ändring) har minst {{acknowledgementCoverageThresholdPercent}} % av de medarbetare i varje förvaltning som ombetts bekräfta den gjort det inom {{documentAcknowledgementWorkingDays}} arbetsdagar.',
    ruleDescriptionEn:
      'After a new version (not an editorial change), at least {{acknowledgementCoverageThresholdPercent}} % of the employees asked in each department acknowledged it within {{documentAcknowledgementWorkingDays}} working days.',
  },
  {
    id: 'ITP-12-FOLLOW',
    section: '12',
    kind: 'record',
    titleSv: 'Regelefterlevnad',
    titleEn: 'Following the rules',
    textSv:
      'Verksamhetschef skall tillse att varje anställd som använder IT-system följer gällande regler.\n\n' +
      'Det åligger den anställda att följa vad som fastlagts i policydokument samt anvisningar för IT-verksamheten fastställda av IT-enheten.',
    textEn: "Heads of operations see whether their employees follow the rules (their department's compliance view).",
  },
  {
    id: 'ITP-13-REVISE',
    section: '13',
    kind: 'rule',
    titleSv: 'Utvärdering och revidering',
    titleEn: 'Evaluation and revision',
    textSv: 'Detta dokument skall utvärderas minst vart tredje år eller efter kortare tid om så anses lämpligt.',
    textEn:
      'The policy is evaluated at least every third year, or sooner: every policy document has a review interval (36 months for the IT policy) and is flagged before and when it is overdue.',
    ruleDescriptionSv:
      'IT-policyn är antagen, och dess gällande version är högst {{policyRevisionIntervalMonths}} månader gammal och inte förbi sitt granskningsdatum.',
    ruleDescriptionEn:
      'The IT policy is adopted, and its version in force is no older than {{policyRevisionIntervalMonths}} months and not past its review date.',
  },
];
