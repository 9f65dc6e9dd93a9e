/**
 * The Tanum pack's clauses, §4.2 Departments, with §4.2.1–§4.2.3 on business systems.
 * textSv quotes the policy verbatim from it-policy-2002.sv.txt (paragraphs separated by a blank
 * line); textEn restates it in English. IDs, kinds and English titles follow docs/requirements.md.
 */
import type { Clause } from '../policy-pack.ts';

export const departmentClauses: Clause[] = [
  {
    id: 'ITP-4.2-OWNER',
    section: '4.2',
    kind: 'rule',
    titleSv: 'Systemägare',
    titleEn: 'System owner',
    textSv: 'För varje kommungemensamt IT-system och varje verksamhetsunikt IT-system skall finnas en förvaltning som är systemägare.',
    textEn: 'Every shared and every department-specific system has exactly one owning department (systemägare).',
    ruleDescriptionSv:
      'Varje system som omfattas av policyn har exakt en systemägande förvaltning, och förvaltningen finns i kommunens organisation.',
    ruleDescriptionEn:
      "Every system within the policy has exactly one owning department, and that department exists in the municipality's organisation.",
  },
  {
    id: 'ITP-4.2-MANAGER',
    section: '4.2',
    kind: 'rule',
    titleSv: 'Systemansvarig',
    titleEn: 'System manager',
    textSv: 'Systemägande förvaltning utser en systemansvarig person med minst en ersättare.',
    textEn: 'The owning department appoints a system manager (systemansvarig) for each system.',
    ruleDescriptionSv: 'Varje system har just nu exakt en systemansvarig, och den personen är fortfarande anställd.',
    ruleDescriptionEn: 'Every system currently has exactly one system manager, and that person is still employed.',
  },
  {
    id: 'ITP-4.2-DEPUTY',
    section: '4.2',
    kind: 'rule',
    titleSv: 'Ersättare',
    titleEn: 'Deputy',
    textSv: 'Systemägande förvaltning utser en systemansvarig person med minst en ersättare.',
    textEn: 'Each system manager has at least one deputy (ersättare), who is a different, active person.',
    ruleDescriptionSv:
      'Varje system har minst en nuvarande ersättare som är anställd och inte är den systemansvarige själv. En ersättare som har slutat räknas inte.',
    ruleDescriptionEn:
      'Every system has at least one current deputy who is employed and is not the system manager. A deputy who has left does not count.',
  },
  {
    id: 'ITP-4.2-KNOW',
    section: '4.2',
    kind: 'rule',
    titleSv: 'Kännedom om policyn',
    titleEn: 'Knowing the policy',
    textSv:
      'Verksamheterna ansvarar för att dess medarbetare har rätt kompetens för ett effektivt nyttjande av IT och för att varje medarbetare känner till och förstår IT-policy och ”Riktlinjer för IT-säkerhet i Tanums kommun”.',
    textEn:
      'Each department makes sure that every employee knows and understands the IT policy and the security guidelines: coverage of current acknowledgements per department.',
    ruleDescriptionSv:
      'Minst {{acknowledgementCoverageThresholdPercent}} % av varje förvaltnings aktiva medarbetare har bekräftat gällande versioner av IT-policyn och riktlinjerna för IT-säkerhet (där dokumenten gäller förvaltningen).',
    ruleDescriptionEn:
      "At least {{acknowledgementCoverageThresholdPercent}} % of each department's active employees have acknowledged the versions in force of the IT policy and the IT security guidelines (where the documents are for the department).",
  },
  {
    id: 'ITP-4.2-TRAIN-OTHERS',
    section: '4.2',
    kind: 'record+rule',
    titleSv: 'Utbildning av andra förvaltningars personal',
    titleEn: "Training other departments' staff",
    textSv:
      'Systemägande förvaltning ansvarar också för utbildning av andra förvaltningars personal, som använder förvaltningens verksamhetssystem.',
    textEn:
      'The owning department trains the staff of other departments who use its system: a system records which departments use it, and training sessions are per system.',
    ruleDescriptionSv:
      'För varje system i drift som andra förvaltningar använder har minst {{trainingCoverageThresholdPercent}} % av användarna i de andra förvaltningarna gått systemets utbildning. Tills behörigheter registreras räknas de aktiva medarbetarna i de förvaltningar som använder systemet som dess användare.',
    ruleDescriptionEn:
      'For every system in production that other departments use, at least {{trainingCoverageThresholdPercent}} % of its users in those departments have attended its training. Until access rights are recorded, the active employees of the departments using the system count as its users.',
  },
  {
    id: 'ITP-4.2-REGISTER',
    section: '4.2',
    kind: 'record+rule',
    titleSv: 'Förteckning över verksamhetssystem',
    titleEn: 'Register of business systems',
    textSv: 'IT-enheten för en aktuell förteckning över samtliga verksamhetssystem, systemägare och systemansvariga med ersättare.',
    textEn:
      'The IT unit keeps a current list of all business systems, owners, managers and deputies: the register itself, always exportable, with when each entry was last confirmed.',
    ruleDescriptionSv:
      'Varje systems uppgifter i förteckningen har bekräftats av systemansvarig eller en ersättare under de senaste {{registerConfirmationIntervalMonths}} månaderna.',
    ruleDescriptionEn:
      "Each system's entry in the register was confirmed by its manager or a deputy within the last {{registerConfirmationIntervalMonths}} months.",
  },
  {
    id: 'ITP-4.2-REVIEW',
    section: '4.2',
    kind: 'rule',
    titleSv: 'Genomgång av system',
    titleEn: 'System review',
    textSv:
      'Systemägande förvaltning skall regelbundet genomföra genomgångar av ägda system för att förbättra användningen av systemen. Vid genomgången skall angränsande system beaktas för att om möjligt uppnå positiva samordningseffekter. Om behov finnes bistår IT-enheten vid sådan genomgång.',
    textEn:
      'The owning department reviews each owned system regularly (default interval: 12 months, a parameter) to improve its use; the review considers adjacent systems for coordination; the IT unit may assist. A review records date, participants, adjacent systems considered, findings and follow-up actions.',
    ruleDescriptionSv:
      'Varje system i drift har gåtts igenom av den systemägande förvaltningen under de senaste {{reviewIntervalMonths}} månaderna, och genomgången har beaktat angränsande system.',
    ruleDescriptionEn:
      'Every system in production was reviewed by its owning department within the last {{reviewIntervalMonths}} months, and the review considered adjacent systems.',
  },
  {
    id: 'ITP-4.2.1-INITIATE',
    section: '4.2.1',
    kind: 'gate',
    titleSv: 'Initiativ till införande',
    titleEn: 'Initiating an introduction',
    textSv:
      'Initiativet för att införa nytt verksamhetssystem kommer från en förvaltning. Förvaltningen upprättar projektbeskrivning, specifikation för system, utbildningsplan, tidsplan för införande projekt samt projektbudget. Vid behov biträder IT-enheten. Lämpligt är att avstämningar görs med IT-enheten under hela processen',
    textEn:
      'An introduction comes from a department. The project records: project description, system specification, training plan, timeline, budget. IT unit checkpoints are recorded along the way.',
  },
  {
    id: 'ITP-4.2.1-BUDGET',
    section: '4.2.1',
    kind: 'rule',
    titleSv: 'Projektbudget',
    titleEn: 'Project budget',
    textSv:
      'Projektbudget skall innehålla samtliga kostnader som genereras av projektet, som exempelvis kostnader för:\n\n' +
      '- projektledning\n- konsulter\n- programvara\n- servrar\n- klienter\n- nätverk\n- kommunikation\n- utbildning av systemadministratörer och användare',
    textEn:
      'The budget contains all costs the project generates, at least in the categories: project management, consultants, software, servers, clients, network, communication, training of administrators and users. A category may be zero, but must be stated. Costs for reinforcing shared resources (network, communication, servers, workstations; §6) are budgeted in the project.',
    ruleDescriptionSv:
      'Varje införandeprojekts budget anger ett belopp (noll är tillåtet) för projektledning, konsulter, programvara, servrar, klienter, nätverk, kommunikation och utbildning av systemadministratörer och användare, samt för förstärkning av kommungemensamma resurser.',
    ruleDescriptionEn:
      "Every introduction project's budget states an amount (zero allowed) for project management, consultants, software, servers, clients, network, communication and training of administrators and users, and for reinforcing shared resources.",
  },
  {
    id: 'ITP-4.2.1-COMPLIANCE',
    section: '4.2.1',
    kind: 'gate',
    titleSv: 'Analys mot policy och riktlinjer',
    titleEn: 'Analysis against the policy and guidelines',
    textSv:
      'Innan ett nytt verksamhetssystem tas i drift eller inför en större uppgradering av befintligt system skall på systemägande förvaltnings initiativ, med bistånd av IT-enheten, en analys göras av hur systemet uppfyller IT-policy och ”Riktlinjer för IT-säkerhet i Tanums kommun”.',
    textEn:
      "Before a new system goes into production, or before a major upgrade, an analysis of how the system meets the IT policy and the security guidelines is made, on the owner's initiative with the IT unit's help.",
  },
  {
    id: 'ITP-4.2.1-RISK',
    section: '4.2.1',
    kind: 'gate',
    titleSv: 'Riskanalys',
    titleEn: 'Risk analysis',
    textSv: 'För systemet skall redovisas en riskanalys med konsekvensbeskrivning.',
    textEn: 'A risk analysis with a consequence description is presented for the system.',
  },
  {
    id: 'ITP-4.2.1-APPROVAL',
    section: '4.2.1',
    kind: 'gate',
    titleSv: 'Driftgodkännande',
    titleEn: 'Operational approval',
    textSv: 'Systemet skall driftgodkännas av IT-enheten innan systemet tas i produktiv drift.',
    textEn:
      "The IT unit gives the operational approval (driftgodkännande) before the system is put into production. Only the IT unit's role can give it; it names what was approved (system, version/scope) and when.",
  },
  {
    id: 'ITP-4.2.1-RISK-CURRENT',
    section: '4.2.1',
    kind: 'rule',
    titleSv: 'Aktuell riskanalys',
    titleEn: 'Current risk analysis',
    // Quoted as the policy spells it: "Risicanalys".
    textSv: 'Risicanalys för systemet skall hållas uppdaterad för att avspegla förändringar i användningen av systemet.',
    textEn:
      "The risk analysis is kept up to date to reflect changes in use: it is stale when older than its review interval (default 12 months) or older than the latest recorded change to the system's use.",
    ruleDescriptionSv:
      'Varje system i drift har en riskanalys som är högst {{riskAnalysisIntervalMonths}} månader gammal och nyare än den senast registrerade förändringen av hur systemet används.',
    ruleDescriptionEn:
      "Every system in production has a risk analysis no older than {{riskAnalysisIntervalMonths}} months and newer than the latest recorded change to the system's use.",
  },
  {
    id: 'ITP-4.2.1-TRAIN-ADMINS',
    section: '4.2.1',
    kind: 'record+rule',
    titleSv: 'Utbildning av systemansvariga och IT-enheten',
    titleEn: 'Training system managers and IT staff',
    textSv:
      'Systemägande förvaltning ansvarar också för att systemansvariga och IT-enhetens personal får rätt utbildning för att kunna implementera och uppdatera verksamhetssystemet samt hantera och styra den dagliga driften av systemet.',
    textEn: 'The owner makes sure the system managers and IT unit staff get the training needed to implement, update and run the system.',
    ruleDescriptionSv:
      'Medan ett system införs har dess systemansvarige, ersättare och IT-enhetens kontaktperson i införandeprojektet gått systemets utbildning.',
    ruleDescriptionEn:
      "While a system is being introduced, its system manager, deputies and the IT unit's contact in the introduction project have attended its training.",
  },
  {
    id: 'ITP-4.2.2-CHANGE-NOTICE',
    section: '4.2.2',
    // A notice the product sends, and a rule that it is acknowledged in time.
    kind: 'notice+rule',
    titleSv: 'Anmälan av förändringar',
    titleEn: 'Notice of changes',
    textSv:
      'Vid planerade förändringar för drift eller ansvar för verksamhetsapplikationer skall systemägande förvaltning utan fördröjning meddela IT-enheten.',
    textEn:
      "Planned changes to the operation of, or the responsibility for, a business application are reported to the IT unit without delay: changing a system's owner, manager or deputy, or recording a planned operational change, notifies the IT unit, and the notice is tracked until acknowledged.",
    ruleDescriptionSv:
      'Varje anmälan om ändrad drift eller ändrat ansvar har bekräftats av IT-enheten inom {{changeNoticeAcknowledgeWorkingDays}} arbetsdagar (helgdagar räknas inte).',
    ruleDescriptionEn:
      'Every notice of a change in operation or responsibility was acknowledged by the IT unit within {{changeNoticeAcknowledgeWorkingDays}} working days (public holidays excluded).',
  },
  {
    id: 'ITP-4.2.2-RESOURCES',
    section: '4.2.2',
    kind: 'record',
    titleSv: 'Resurser för systemansvarig',
    titleEn: 'Resources for the system manager',
    textSv:
      'En förutsättning, för att verksamhetsapplikationens fulla kapacitet utnyttjas och att programmet används på ett säkert sätt, är att den medarbetare som utses får nödvändiga resurser som tid och utbildning.',
    textEn: "The appointed person gets the needed resources (time, training): the manager's assignment can record allotted time.",
  },
  {
    id: 'ITP-4.2.3-DUTIES',
    section: '4.2.3',
    kind: 'rule',
    titleSv: 'Systemansvarigs arbetsuppgifter',
    titleEn: "The system manager's duties",
    textSv:
      'I uppgifterna för systemansvarig ingår att:\n\n' +
      '- Svara för att drift, underhåll och utveckling sker av systemet enligt de krav verksamheten ställer\n- Svara för att aktuell dokumentation om verksamhetssystemet finns tillgänglig\n- Svara för att säkerheten i verksamhetssystemet ligger på en bra nivå\n- Administrera behörigheter till verksamhetssystemet\n- Svara för att utforma regler för användande av systemet\n- Svara för att utbildningar anordnas\n- Svara för att information om nyheter och aktualiteter kring verksamhetssystemet når användarna\n- Ha kunskap om angränsande system för att om möjligt skapa positiva samordningseffekter.',
    textEn:
      "For each system the manager answers for: operation, maintenance and development per the business's needs; current documentation being available; security at a good level; administering access rights; rules for using the system; training being arranged; news reaching the users; knowing the adjacent systems. Each duty is a checklist item with evidence (a link, a date, a record) and a date of last confirmation.",
    ruleDescriptionSv:
      'För varje system är systemansvarigs åtta uppgifter utförda (eller inte tillämpliga för systemet) och bekräftade under de senaste {{dutyConfirmationIntervalMonths}} månaderna.',
    ruleDescriptionEn:
      "For every system, the system manager's eight duties are done (or do not apply to the system) and were confirmed within the last {{dutyConfirmationIntervalMonths}} months.",
  },
  {
    id: 'ITP-4.2.3-ACCESS-LEAVERS',
    section: '4.2.3',
    kind: 'rule',
    titleSv: 'Behörigheter efter avslutad anställning',
    titleEn: 'Access after leaving',
    textSv: '- Administrera behörigheter till verksamhetssystemet',
    textEn:
      "Administering a system's access rights includes removing them: when a person's employment ends, their rights are flagged for removal at once and the system's manager and deputies have them on their to-do list until they are ended.",
    ruleDescriptionSv:
      'Ingen person som har slutat har kvar en gällande behörighet i systemet mer än {{leaverGraceWorkingDays}} arbetsdagar efter sista anställningsdagen (helgdagar räknas inte).',
    ruleDescriptionEn:
      'No person who has left still holds an active right in the system more than {{leaverGraceWorkingDays}} working days after their last day of employment (public holidays excluded).',
  },
  {
    id: 'ITP-4.2.3-RECERTIFY',
    section: '4.2.3',
    kind: 'rule',
    titleSv: 'Omprövning av behörigheter',
    titleEn: 'Recertification of access rights',
    textSv: '- Administrera behörigheter till verksamhetssystemet',
    textEn:
      "Administering a system's access rights includes reviewing them: the manager or a deputy confirms or ends each right in a recertification campaign, at regular intervals and more often for privileged levels.",
    ruleDescriptionSv:
      'Varje gällande behörighet i systemet har omprövats (eller tilldelats) under de senaste {{recertificationIntervalMonths}} månaderna, och behörigheter på privilegierade nivåer under de senaste {{privilegedRecertificationIntervalMonths}} månaderna.',
    ruleDescriptionEn:
      'Every active right in the system was recertified (or granted) within the last {{recertificationIntervalMonths}} months, and rights at privileged levels within the last {{privilegedRecertificationIntervalMonths}} months.',
  },
  {
    id: 'ITP-4.2.3-PRIVILEGED',
    section: '4.2.3',
    kind: 'rule',
    titleSv: 'Få med privilegierad behörighet',
    titleEn: 'Few privileged holders',
    textSv: '- Administrera behörigheter till verksamhetssystemet',
    textEn:
      "Administering a system's access rights includes keeping privileged levels (administrators) to the few who need them: the municipality may set how many people at most hold one per system.",
    ruleDescriptionSv: 'Högst {{privilegedHoldersMax}} personer har en privilegierad behörighetsnivå i systemet. Med 0 bedöms regeln inte.',
    ruleDescriptionEn:
      'At most {{privilegedHoldersMax}} people hold a privileged access level in the system. With 0 the rule is not judged.',
  },
];
