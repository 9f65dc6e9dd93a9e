/**
 * The Tanum pack's clauses, §4.3 The IT unit to §7 Software.
 * textSv quotes the policy verbatim from it-policy-2002.sv.txt (paragraphs separated by a blank
 * line); textEn restates it in English. IDs, kinds and English titles follow docs/requirements.md.
 */
import type { Clause } from '../policy-pack.ts';

export const itUnitToSoftwareClauses: Clause[] = [
  {
    id: 'ITP-4.3-ORG',
    section: '4.3',
    kind: 'record',
    titleSv: 'IT-enhetens organisation',
    titleEn: 'Organisation of the IT unit',
    textSv:
      'Inom Tanums kommun finns en IT-enhet underställd Ekonomikontoret. IT-enheten organiseras i enlighet med KS beslut 2000-06-07.\n\n' +
      'IT-enheten leds av en IT-chef. Det är IT-chefens uppdrag att initiera, planera och leda kommunens IT-verksamhet. IT-chefen har ansvar för standardisering, drift, underhåll och nyanskaffningar inom IT-verksamheten.',
    textEn:
      'The IT unit sits under the finance office and is led by the IT chief, who answers for standardisation, operation, maintenance and acquisitions.',
  },
  {
    id: 'ITP-4.3-ASSIST',
    section: '4.3',
    kind: 'record',
    titleSv: 'IT-enhetens medverkan',
    titleEn: 'Participation of the IT unit',
    textSv:
      'IT-enheten skall, då så är lämpligt, tillsammans med verksamhetsföreträdare genomföra kommungemensamma och för kommunen viktiga utvecklingsprojekt.\n\n' +
      'IT-enheten skall, på uppmaning av systemägande förvaltning, delta i upphandlingar, införanden, uppdateringar samt genomgångar av verksamhetssystem.',
    textEn:
      "On the owner's request the IT unit takes part in procurements, introductions, updates and reviews: these records can name IT unit participants.",
  },
  {
    id: 'ITP-4.3-SWITCHBOARD',
    section: '4.3',
    kind: 'record',
    titleSv: 'Växeln',
    titleEn: 'Telephone switchboard',
    textSv: 'IT-enheten ansvarar för den tekniska driften av växeln i kommunhuset.',
    textEn: 'The IT unit runs the telephone switchboard (växeln) of the town hall: it is a system in the register like any other.',
  },
  {
    id: 'ITP-4.3-OPS-INSTRUCTION',
    section: '4.3',
    kind: 'rule',
    titleSv: 'Driftinstruktion',
    titleEn: 'Operations instruction',
    textSv: 'Driftinstruktion för IT-verksamheten upprättas av IT-chefen och hålls kontinuerligt uppdaterad.',
    textEn:
      'The IT chief keeps an operations instruction (Driftinstruktion) continuously up to date: a policy document with a short review interval (default 12 months).',
    ruleDescriptionSv:
      'Det finns en antagen driftinstruktion vars gällande version är högst {{operationsInstructionReviewIntervalMonths}} månader gammal och inte förbi sitt granskningsdatum.',
    ruleDescriptionEn:
      'An operations instruction is adopted, and its version in force is no older than {{operationsInstructionReviewIntervalMonths}} months and not past its review date.',
  },
  {
    id: 'ITP-5-ADEQUATE',
    section: '5',
    kind: 'record+rule',
    titleSv: 'Adekvat utbildning',
    titleEn: 'Adequate training',
    textSv:
      'En av förutsättningarna för rationellt utnyttjande av IT-systemen är, att användarna har adekvat utbildning för systemen. Det åligger förvaltningarna att ansvara för att medarbetarnas IT-kunskaper motsvarar verksamhetens krav och matchar de tekniska förutsättningarna.\n\n' +
      'IT-enheten bistår, efter anmodan, förvaltningarna om att planera och eventuellt till viss del genomföra utbildningar.',
    textEn:
      "Departments make sure their employees' IT skills match the needs of the work and the systems: training records per person, per system.",
    ruleDescriptionSv:
      'Minst {{trainingCoverageThresholdPercent}} % av varje förvaltnings aktiva medarbetare har gått varje obligatorisk utbildning som gäller förvaltningen, inom utbildningens intervall.',
    ruleDescriptionEn:
      "At least {{trainingCoverageThresholdPercent}} % of each department's active employees have attended every mandatory course for the department, within the course's interval.",
  },
  {
    id: 'ITP-5-NEW-SYSTEM',
    section: '5',
    kind: 'rule',
    titleSv: 'Utbildning vid nya system',
    titleEn: 'Training for new systems',
    textSv:
      'För att nå framgång vid införande av nya IT-system eller större förändringar inom befintliga system måste personalens behov av information och utbildning tillgodoses.',
    textEn:
      "When a system is introduced or changed a lot, the staff's needs for information and training are met: an introduction project without a training plan cannot pass its gate, and its users' training is tracked.",
    ruleDescriptionSv: 'Varje införandeprojekt har en utbildningsplan, och utbildningen av systemets användare följs upp.',
    ruleDescriptionEn: "Every introduction project has a training plan, and the training of the system's users is tracked.",
  },
  {
    id: 'ITP-5-SECURITY-NET',
    section: '5',
    kind: 'rule',
    titleSv: 'Utbildning i IT-säkerhet och nätverksteknik',
    titleEn: 'IT security and networking training',
    textSv: 'För användare genomför IT-enheten regelbundet utbildningar i IT-säkerhet och grundläggande nätverksteknik.',
    textEn:
      "The IT unit regularly holds training in IT security and basic networking: each user's latest IT-security training is within the interval (default 36 months).",
    ruleDescriptionSv:
      'Minst {{trainingCoverageThresholdPercent}} % av varje förvaltnings aktiva medarbetare har gått en utbildning i IT-säkerhet och grundläggande nätverkskunskap under de senaste {{securityTrainingIntervalMonths}} månaderna.',
    ruleDescriptionEn:
      "At least {{trainingCoverageThresholdPercent}} % of each department's active employees have attended a course in IT security and basic networking within the last {{securityTrainingIntervalMonths}} months.",
  },
  {
    id: 'ITP-6-STANDARD',
    section: '6',
    kind: 'rule',
    titleSv: 'Standardisering',
    titleEn: 'Standardisation',
    textSv: 'Standardisering är ett viktigt medel för att få en rationell, kostnadseffektiv, enhetlig och säker IT-miljö.',
    textEn: 'Standardisation: equipment models come from a list of standard models; a non-standard model is flagged.',
    ruleDescriptionSv:
      'Varje förvaltnings utrustning i bruk är av en modell i standardkatalogen som IT-chefen har godkänt för dagens datum.',
    ruleDescriptionEn: "Each department's equipment in service is of a catalogue model the IT chief has approved for today's date.",
  },
  {
    id: 'ITP-6-OWNED',
    section: '6',
    kind: 'rule',
    titleSv: 'IT-enheten äger utrustningen',
    titleEn: 'The IT unit owns the equipment',
    textSv: 'IT-enheten äger kommunens IT-utrustning såsom nät, kommunikationsutrustning, servrar, PCar, skrivare (KS beslut 2002).',
    textEn:
      "The IT unit owns the municipality's IT equipment: network, communication equipment, servers, PCs, printers. Every such asset's owner is the IT unit.",
    ruleDescriptionSv: 'Varje tillgång av slaget nät, kommunikationsutrustning, server, dator eller skrivare ägs av IT-enheten.',
    ruleDescriptionEn: 'Every network, communication, server, computer or printer asset is owned by the IT unit.',
  },
  {
    id: 'ITP-6-SCHOOL-NET',
    section: '6',
    kind: 'rule',
    titleSv: 'Datorer i skolnäten',
    titleEn: 'Computers in the school networks',
    textSv:
      'För datorer för undervisning och pedagogiskt arbete i skolnäten gäller särskild ordning. Dock äger IT-enheten samtliga datorer som vid något tillfälle ges rätt till access i Kommunhus-nätet.',
    textEn:
      'Computers for teaching in the school networks follow their own order, but every computer that at any time is given access to the town-hall network is owned by the IT unit.',
    ruleDescriptionSv:
      'Varje dator som någon gång har fått åtkomst till kommunhusnätet ägs av IT-enheten, även om den används för undervisning.',
    ruleDescriptionEn:
      'Every computer that has ever been given access to the town-hall network is owned by the IT unit, even if it is used for teaching.',
  },
  {
    id: 'ITP-6-SHARED-COST',
    section: '6',
    kind: 'rule',
    titleSv: 'Förstärkning av kommungemensamma resurser',
    titleEn: 'Reinforcing shared resources',
    textSv:
      'Vid projekt för införanden, utökningar eller uppgraderingar av IT-system som kräver förstärkning av kommungemensamma resurser skall kostnader för dessa förstärkningar redovisas i projektets budget och finansieras inom projektet. Exempel på sådana kommungemensamma resurser är nät, kommunikation, servrar och arbetsdatorer.',
    textEn: 'See ITP-4.2.1-BUDGET: reinforcements of shared resources are budgeted in the project.',
    ruleDescriptionSv:
      'Ett projekt som kräver förstärkning av kommungemensamma resurser (nät, kommunikation, servrar, arbetsdatorer) redovisar kostnaden för förstärkningen i sin budget.',
    ruleDescriptionEn:
      'A project that needs shared resources (network, communication, servers, workstations) reinforced states the cost of the reinforcement in its budget.',
  },
  {
    id: 'ITP-7-LICENCE',
    section: '7',
    kind: 'rule',
    titleSv: 'Licenser',
    titleEn: 'Licences',
    textSv: 'Kommunen skall, i de fall licensiering krävs, inköpa licenser enligt villkoren för programmet.',
    textEn:
      "Where licences are required, they are bought per the product's terms: for each licensed product, installations or users do not exceed entitlements.",
    ruleDescriptionSv:
      'För varje licensierad produkt är antalet installationer eller användare högst lika stort som antalet köpta licenser.',
    ruleDescriptionEn: 'For every licensed product, the number of installations or users does not exceed the licences bought.',
  },
  {
    id: 'ITP-7-GENERIC',
    section: '7',
    kind: 'rule',
    titleSv: 'Generell programvara',
    titleEn: 'Generic software',
    textSv:
      'Så långt möjligt skall den programvara som används av kommunen vara generell. Lokalt egenutvecklad programvara leder ofta till problem i organisationer utan egen utvecklingsavdelning.',
    textEn: 'Software should be generic (off-the-shelf) as far as possible.',
    ruleDescriptionSv:
      'Varje system i drift har sin programvara registrerad med ursprung (kommersiell, egenutvecklad eller öppen källkod).',
    ruleDescriptionEn: 'Every system in production has its software recorded with its origin (commercial, self-developed or open source).',
  },
  {
    id: 'ITP-7-SELF-DEVELOPED',
    section: '7',
    kind: 'gate+rule',
    titleSv: 'Egenutvecklade applikationer',
    titleEn: 'Self-developed applications',
    textSv: 'Endast undantagsvis, efter särskilt beslut från IT-chefen, kan egenutvecklade applikationer användas.',
    textEn: 'Self-developed applications may be used only by exception, after a specific decision by the IT chief.',
    ruleDescriptionSv: 'Varje egenutvecklad programvara har ett gällande beslut av IT-chefen (tillåten, för vad, till när, villkor).',
    ruleDescriptionEn: 'Every self-developed product has a current decision of the IT chief (allowed, for what, until when, conditions).',
  },
  {
    id: 'ITP-7-OPEN-SOURCE',
    section: '7',
    kind: 'gate+rule',
    titleSv: 'Öppen källkod',
    titleEn: 'Open-source software',
    textSv:
      'Programvara baserad på öppen källkod kan användas efter särskild prövning från IT-chefen. Vid prövning bedöms programvarans stabilitet, säkerhet och framtidssäkring.',
    textEn:
      'Open-source software may be used after a specific review by the IT chief that assesses stability, security and future-proofing. The review records each of the three with a judgement and a reason, and the licence (SPDX identifier).',
    ruleDescriptionSv:
      'Varje programvara med öppen källkod har sin licens som SPDX-identifierare och ett gällande beslut av IT-chefen efter prövning av stabilitet, säkerhet och framtidssäkring.',
    ruleDescriptionEn:
      'Every open-source product names its licence as an SPDX identifier and has a current decision of the IT chief after a review of stability, security and future-proofing.',
  },
  {
    id: 'ITP-7-CONTRACT-NOTICE',
    section: '7',
    kind: 'rule',
    titleSv: 'Avtalens uppsägningstid',
    titleEn: 'Contract notice dates',
    textSv: 'Kommunen skall, i de fall licensiering krävs, inköpa licenser enligt villkoren för programmet.',
    textEn:
      "Licences are bought on the product's terms, which include the contract's notice period: before the last day to give notice, the contract's owner decides whether it ends or runs on.",
    ruleDescriptionSv:
      'Inget avtal har passerat sin sista uppsägningsdag (slutdatum minus uppsägningstid, flyttad bakåt förbi helger) utan att beslut om uppsägning eller förlängning har registrerats.',
    ruleDescriptionEn:
      'No contract has passed its last day to give notice (end date minus notice period, moved back past holidays) without a decision to terminate or continue recorded.',
  },
];
