/**
 * The Cybersecurity Act's risk-management measures (cybersäkerhetslagen 2025:1506, implementing
 * NIS2, directive (EU) 2022/2555, article 21(2) a–j), as clauses on the same engine as the IT
 * policy (ADR 0037). textSv and textEn quote the directive's measure in Swedish and English; a
 * measure whose evidence the register holds names the IT policy's clauses whose rules judge it
 * (evidenceClauseIds), or has a rule of its own (b, c); the others have no rule and are shown as
 * not checked, never as met.
 */
import type { Clause } from '../policy-pack.ts';

const measure = (
  letter: string,
  titleSv: string,
  titleEn: string,
  textSv: string,
  textEn: string,
  evidence: { clauseIds: string[]; sv: string; en: string } | null,
): Clause => ({
  id: `NIS2-21-2-${letter.toUpperCase()}`,
  section: `21.2.${letter}`,
  kind: 'rule',
  titleSv,
  titleEn,
  textSv,
  textEn,
  // A measure with a rule of its own (b, c) names no IT policy clause: its rule carries its id.
  ...(evidence
    ? {
        ...(evidence.clauseIds.length > 0 ? { evidenceClauseIds: evidence.clauseIds } : {}),
        ruleDescriptionSv: evidence.sv,
        ruleDescriptionEn: evidence.en,
      }
    : {
        ruleDescriptionSv: 'Registret har inget underlag som visar åtgärden ännu; den visas som ej kontrollerad.',
        ruleDescriptionEn: 'The register holds no evidence of this measure yet; it is shown as not checked.',
      }),
});

export const article21Clauses: Clause[] = [
  measure(
    'a',
    'Riskanalys och informationssäkerhet',
    'Risk analysis and information system security',
    'Strategier för riskanalys och informationssystemens säkerhet.',
    'Policies on risk analysis and information system security.',
    {
      clauseIds: ['ITP-4.2.1-RISK-CURRENT', 'ITP-11-GUIDELINES', 'ITP-13-REVISE'],
      sv: 'Varje system har en aktuell riskanalys, riktlinjerna för IT-säkerhet är antagna och inte förbi sitt granskningsdatum, och IT-policyn är utvärderad i tid.',
      en: 'Every system has a current risk analysis, the IT security guidelines are adopted and not past their review date, and the IT policy is evaluated in time.',
    },
  ),
  measure('b', 'Incidenthantering', 'Incident handling', 'Incidenthantering.', 'Incident handling.', {
    clauseIds: [],
    sv: 'Varje betydande incident i incidentloggen har sin tidiga varning (24 timmar), incidentanmälan (72 timmar) och slutrapport (en månad) skickad i tid, eller har tid kvar.',
    en: 'Every significant incident in the incident log has its early warning (24 hours), notification (72 hours) and final report (one month) sent in time, or has time left.',
  }),
  measure(
    'c',
    'Kontinuitet och krishantering',
    'Business continuity and crisis management',
    'Kontinuitet i verksamheten, såsom hantering av säkerhetskopior och återställning efter katastrofer, och krishantering.',
    'Business continuity, such as backup management and disaster recovery, and crisis management.',
    {
      clauseIds: [],
      sv: 'Varje system i drift som omfattas av lagen har sin kontinuitet registrerad (kritikalitet och återställningstid) och en återställning från säkerhetskopia testad under de senaste {{restoreTestIntervalMonths}} månaderna.',
      en: 'Every system in production under the Act has its continuity recorded (criticality and recovery time objective) and a restore from backup tested within the last {{restoreTestIntervalMonths}} months.',
    },
  ),
  measure(
    'd',
    'Säkerhet i leveranskedjan',
    'Supply chain security',
    'Säkerhet i leveranskedjan, inbegripet säkerhetsrelaterade aspekter som rör förbindelserna mellan varje entitet och dess direkta leverantörer eller tjänsteleverantörer.',
    'Supply chain security, including security-related aspects concerning the relationships between each entity and its direct suppliers or service providers.',
    {
      clauseIds: ['ITP-7-CONTRACT-NOTICE'],
      sv: 'Leverantörernas avtal finns i registret och beslut om uppsägning eller förlängning fattas före sista uppsägningsdag.',
      en: "Suppliers' contracts are in the register and decided on (terminated or continued) before their last day to give notice.",
    },
  ),
  measure(
    'e',
    'Säkerhet vid förvärv, utveckling och underhåll',
    'Security in acquisition, development and maintenance',
    'Säkerhet vid förvärv, utveckling och underhåll av nätverks- och informationssystem, inbegripet hantering och rapportering av sårbarheter.',
    'Security in network and information systems acquisition, development and maintenance, including vulnerability handling and disclosure.',
    {
      clauseIds: ['ITP-7-SELF-DEVELOPED', 'ITP-7-OPEN-SOURCE', 'ITP-4.2.2-CHANGE-NOTICE'],
      sv: 'Egenutvecklad programvara och öppen källkod har IT-chefens beslut, och ändringar i systemen anmäls till IT-enheten och kvitteras i tid.',
      en: "Self-developed and open-source software has the IT chief's decision, and changes to systems are notified to the IT unit and acknowledged in time.",
    },
  ),
  measure(
    'f',
    'Bedömning av åtgärdernas effektivitet',
    'Assessing the effectiveness of measures',
    'Strategier och förfaranden för att bedöma ändamålsenligheten i åtgärder för hantering av cybersäkerhetsrisker.',
    'Policies and procedures to assess the effectiveness of cybersecurity risk-management measures.',
    {
      clauseIds: ['ITP-4.2-REVIEW', 'ITP-3-EVALUATE'],
      sv: 'Varje system gås igenom återkommande, med genomgångens utvärderingar nedskrivna.',
      en: "Every system is reviewed periodically, with the review's evaluations written down.",
    },
  ),
  measure(
    'g',
    'Cyberhygien och utbildning',
    'Cyber hygiene and training',
    'Grundläggande cyberhygienrutiner och cybersäkerhetsutbildning.',
    'Basic cyber hygiene practices and cybersecurity training.',
    {
      clauseIds: ['ITP-5-SECURITY-NET', 'ITP-4.2-KNOW'],
      sv: 'Användarna har gått utbildning i IT-säkerhet inom intervallet och har bekräftat att de läst IT-policyn och riktlinjerna för IT-säkerhet.',
      en: 'Users have attended IT security training within the interval and have acknowledged the IT policy and the IT security guidelines.',
    },
  ),
  measure(
    'h',
    'Kryptografi',
    'Cryptography',
    'Strategier och förfaranden avseende användning av kryptografi och, när så är lämpligt, kryptering.',
    'Policies and procedures regarding the use of cryptography and, where appropriate, encryption.',
    null,
  ),
  measure(
    'i',
    'Personalsäkerhet, åtkomstkontroll och tillgångar',
    'Human resources security, access control and asset management',
    'Personalsäkerhet, strategier för åtkomstkontroll och hantering av tillgångar.',
    'Human resources security, access control policies and asset management.',
    {
      clauseIds: ['ITP-4.2.3-RECERTIFY', 'ITP-4.2.3-ACCESS-LEAVERS', 'ITP-4.2-REGISTER', 'ITP-6-OWNED'],
      sv: 'Behörigheterna omprövas i tid och avslutas för den som har slutat, systemen är bekräftade i registret och utrustningen är inventerad och ägs av IT-enheten.',
      en: 'Access rights are recertified in time and ended for leavers, systems are confirmed in the register, and equipment is inventoried and owned by the IT unit.',
    },
  ),
  measure(
    'j',
    'Flerfaktorsautentisering och säkrad kommunikation',
    'Multi-factor authentication and secured communications',
    'Användning av lösningar för multifaktorsautentisering eller kontinuerlig autentisering, säkrade tal-, video- och textkommunikationer och säkrade nödkommunikationssystem inom entiteten, när så är lämpligt.',
    'The use of multi-factor authentication or continuous authentication solutions, secured voice, video and text communications and secured emergency communication systems within the entity, where appropriate.',
    null,
  ),
];
