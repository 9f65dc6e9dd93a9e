/**
 * The Tanum pack's clauses, §1 Scope to §4.1 Council and executive board.
 * textSv quotes the policy verbatim from it-policy-2002.sv.txt (paragraphs separated by a blank
 * line); textEn restates it in English. IDs, kinds and English titles follow docs/requirements.md.
 */
import type { Clause } from '../policy-pack.ts';

export const scopeToCouncilClauses: Clause[] = [
  {
    id: 'ITP-1-SCOPE',
    section: '1',
    kind: 'rule',
    titleSv: 'Policyns omfattning',
    titleEn: 'Scope of the policy',
    textSv:
      'Tanums IT-policy gäller för all IT-användning inom Tanums kommun med undantag för IT för rent pedagogisk användning i kommunens skolor samt publika datorer på bl a bibliotek.',
    textEn:
      "The policy covers all IT use in the municipality except IT purely for teaching in schools and public computers (e.g. in libraries). Systems and equipment carry a scope (administrative, teaching, public); the latter two are out of scope of the rules unless §6's network clause pulls them in.",
    ruleDescriptionSv:
      'Varje system har en registrerad omfattning. System för rent pedagogisk användning i skolorna och publika datorer omfattas inte av policyn, och inga andra regler bedöms för dem. Avvecklade system bedöms inte heller.',
    ruleDescriptionEn:
      'Every system has a recorded scope. Systems purely for teaching in schools and public computers are outside the policy, and no other rule is judged for them. Retired systems are not judged either.',
  },
  {
    id: 'ITP-1-DOCS',
    section: '1',
    kind: 'record+rule',
    titleSv: 'Relaterade dokument',
    titleEn: 'Related documents',
    textSv:
      'Planering för införandet av ett generellt bredband för företag, privatpersoner och organisationer i Tanums kommun behandlas i ett separat dokument (IT-infrastrukturprogram för Tanums kommun, antaget av KS 2001-11-28).\n\n' +
      'Riktlinjer för IT-säkerhet i Tanums kommun presenteras i separat dokument, ”Riktlinjer för IT-säkerhet i Tanums kommun”.',
    textEn:
      'Related documents exist separately: the IT infrastructure programme (adopted by KS 2001-11-28) and the IT security guidelines. They are policy documents in the register (see §13).',
    ruleDescriptionSv:
      'IT-infrastrukturprogrammet och riktlinjerna för IT-säkerhet finns som antagna policydokument som inte är förbi sina granskningsdatum.',
    ruleDescriptionEn:
      'The IT infrastructure programme and the IT security guidelines are adopted policy documents, neither past its review date.',
  },
  {
    id: 'ITP-2-COST',
    section: '2',
    kind: 'record+rule',
    titleSv: 'Kostnadseffektiv IT',
    titleEn: 'Cost-effective IT',
    textSv:
      'IT skall användas för att på ett kostnadseffektivt sätt förenkla arbetsuppgifter och för att göra information lätt tillgänglig både internt och externt.',
    textEn:
      'IT is to simplify work cost-effectively: every system records its yearly costs (licence, operation, support) and the introduction projects record their budgets, so cost per system and per department can be reported.',
    ruleDescriptionSv:
      'Varje system i produktiv drift anger sin årliga kostnad för licenser, drift, support och övrigt. Noll är ett angivet belopp; ett tomt fält är det inte.',
    ruleDescriptionEn:
      'Every system in production states its yearly cost for licences, operation, support and other costs. Zero is a stated amount; an empty field is not.',
  },
  {
    id: 'ITP-2-OPEN',
    section: '2',
    kind: 'record',
    titleSv: 'Lättillgänglig information',
    titleEn: 'Information easy to reach',
    textSv:
      'IT skall användas för att på ett kostnadseffektivt sätt förenkla arbetsuppgifter och för att göra information lätt tillgänglig både internt och externt.',
    textEn:
      'Information should be easy to reach internally and externally: the register of systems (name, purpose, owner department, status) is published read-only to the public without login, as Swedish public-access principles expect. What is published is chosen per field; personal names of staff are not published by default.',
  },
  {
    id: 'ITP-3-INFORM-NEW',
    section: '3',
    kind: 'gate+notice+rule',
    titleSv: 'Information till nyanställda',
    titleEn: 'Informing new employees',
    textSv:
      'Nyanställda skall informeras om kommunens IT-policy och ”Riktlinjer för IT-säkerhet i Tanums kommun” i samband med att de tilldelas rättigheter i IT-systemen.',
    textEn:
      "New employees are informed of the IT policy and the IT security guidelines when they are granted rights in IT systems. Granting a person's first access right requires (or immediately triggers, and tracks) their acknowledgement of the current versions of both documents.",
    ruleDescriptionSv:
      'Varje gällande behörighet tillhör en person som hade bekräftat de då gällande versionerna av IT-policyn och riktlinjerna för IT-säkerhet innan behörigheten aktiverades, eller har ett registrerat undantag från systemansvarig. Importerade behörigheter som inte passerat spärren räknas inte som bekräftade.',
    ruleDescriptionEn:
      "Every active access right belongs to a person who had acknowledged the then-current versions of the IT policy and the security guidelines before it was activated, or carries the system manager's recorded exception. Imported rights that did not pass the gate do not count as acknowledged.",
  },
  {
    id: 'ITP-3-EVALUATE',
    section: '3',
    kind: 'rule',
    titleSv: 'Regelbunden utvärdering',
    titleEn: 'Regular evaluation',
    textSv:
      'För att rationellt utnyttja IT skall verksamheterna regelbundet utvärdera:\n\n' +
      '- användningen av befintliga verksamhetssystem för att om möjligt utnyttja system effektivare\n- möjligheterna att samordna befintliga IT-system för en mer rationell användning\n- möjligheten att effektivisera del av verksamheten genom att använda IT',
    textEn:
      'Departments regularly evaluate: how existing systems are used (to use them better), whether systems can be coordinated, and where IT could make work more efficient. Each review (see ITP-4.2-REVIEW) records these three assessments.',
    ruleDescriptionSv:
      'Varje genomgång av ett system redovisar tre bedömningar: hur systemet används och kan användas bättre, om det kan samordnas med andra system, och var IT kan effektivisera verksamheten.',
    ruleDescriptionEn:
      'Every review of a system records three assessments: how the system is used and could be used better, whether it can be coordinated with other systems, and where IT could make the work more efficient.',
  },
  {
    id: 'ITP-3-TRAIN',
    section: '3',
    kind: 'record',
    titleSv: 'Utbildning och information till användare',
    titleEn: 'Training and information for users',
    textSv:
      'Att påverka användarnas kunskaper och attityder är viktigt för att uppnå god informations säkerhet. Utbildning av och information till användare är därför en central verksamhet för systemägare och IT-enhet.',
    textEn: 'Training and information to users is a core activity of system owners and the IT unit (see §5).',
  },
  {
    id: 'ITP-4.1-ADOPT',
    section: '4.1',
    kind: 'record',
    titleSv: 'Fastställande av policydokument',
    titleEn: 'Adoption of policy documents',
    textSv:
      'Kommunfullmäktige är ytterst ansvarig för kommunens IT-verksamhet och det som hänger samman med denna.\n\n' +
      'Kommunstyrelsen fastställer kommunens övergripande IT-policy samt ”Riktlinjer för IT-säkerhet i Tanums kommun”.',
    textEn:
      'Policy documents record the body that adopted them (KS for the IT policy and the security guidelines), the date and the decision reference.',
  },
];
