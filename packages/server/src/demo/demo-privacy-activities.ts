import type { LegalBasis, SpecialCategoryBasis } from '@forvalta/contracts';
import type { ProcessingProfileKey } from './demo-privacy-profiles.ts';

/**
 * Tanum's records of processing for the demo (issue #16), one per processing, in the systems of
 * the demo register (demo-systems-catalogue.ts, by name). Processors are the systems' suppliers
 * unless a record names its own. The deliberate gaps are said here, not drawn by chance, so the
 * demo test and a reader know them: `state` (never reviewed, returned, a review older than the
 * interval, approved with remarks), an expired or unsigned processing agreement, a missing DPIA.
 */
export interface DemoActivity {
  name: string;
  systems: string[];
  /** The controller department's demo key; its board is in controllerBoards. */
  controller: string;
  profile: ProcessingProfileKey;
  purpose: string;
  basis: LegalBasis;
  note: string;
  /** The art. 9 exception when it is not the profile's; null drops the profile's special categories. */
  specialBasis?: SpecialCategoryBasis | null;
  criminal?: string;
  processors?: string[];
  transfers?: Array<{ country: string; safeguard: string }>;
  state?: 'pending' | 'returned' | 'stale' | 'remarks';
  agreement?: 'expired' | 'unsigned';
  dpiaMissing?: boolean;
}

const dpf = [{ country: 'USA', safeguard: 'EU–US Data Privacy Framework och standardavtalsklausuler' }];

export const welfareActivities: DemoActivity[] = [
  // Care and social services (special categories: a DPIA each, done unless said).
  {
    name: 'Social dokumentation inom äldreomsorgen',
    systems: ['Procapita Vård och omsorg'],
    controller: 'aldreomsorg',
    profile: 'care',
    purpose: 'Dokumentation av beslut, genomförande och uppföljning av insatser enligt socialtjänstlagen',
    basis: 'legal_obligation',
    note: 'SoL 11 kap. 5 §; SOSFS 2014:5',
  },
  {
    name: 'Patientjournal inom kommunal hälso- och sjukvård',
    systems: ['Procapita Vård och omsorg', 'NPÖ Nationell patientöversikt'],
    controller: 'aldreomsorg',
    profile: 'care',
    purpose: 'Journalföring av hälso- och sjukvård i särskilt boende och hemsjukvård',
    basis: 'legal_obligation',
    note: 'Patientdatalagen (2008:355) 3 kap.',
  },
  {
    name: 'Planering av hemtjänstinsatser',
    systems: ['Pulsen Combine'],
    controller: 'aldreomsorg',
    profile: 'care',
    purpose: 'Planering av besök och personal i hemtjänsten',
    basis: 'public_interest',
    note: 'SoL 4 kap. 1 §',
  },
  {
    name: 'Tidredovisning och digitala nycklar i hemtjänsten',
    systems: ['TES Hemtjänst', 'Phoniro Care'],
    controller: 'aldreomsorg',
    profile: 'care',
    purpose: 'Registrering av utförd tid och låsöppning hos brukare',
    basis: 'public_interest',
    note: 'SoL 4 kap. 1 §; beslut omsorgsnämnden 2019-03-12 § 28',
    agreement: 'expired',
  },
  {
    name: 'Trygghetslarm och larmmottagning',
    systems: ['Trygghetslarm Tunstall'],
    controller: 'aldreomsorg',
    profile: 'care',
    purpose: 'Mottagning av larm och utryckning till brukare med trygghetslarm',
    basis: 'public_interest',
    note: 'SoL 4 kap. 1 §',
    state: 'stale',
  },
  {
    name: 'Läkemedelsordination (dosdispensering)',
    systems: ['Pascal Läkemedel'],
    controller: 'aldreomsorg',
    profile: 'care',
    purpose: 'Ordination och uppföljning av dosdispenserade läkemedel',
    basis: 'legal_obligation',
    note: 'Patientdatalagen (2008:355); HSLF-FS 2017:37',
  },
  {
    name: 'Kvalitetsregistret Senior Alert',
    systems: ['Senior Alert'],
    controller: 'aldreomsorg',
    profile: 'care',
    purpose: 'Förebyggande arbete mot fall, trycksår och undernäring',
    basis: 'public_interest',
    note: 'Patientdatalagen 7 kap. (nationella kvalitetsregister)',
    state: 'pending',
  },
  {
    name: 'Bemanning och schemaläggning i vård och omsorg',
    systems: ['Bemanning Time Care', 'Schemaläggning Time Care Planering'],
    controller: 'aldreomsorg',
    profile: 'hr',
    purpose: 'Schemaläggning av personal och bemanning med vikarier',
    basis: 'contract',
    note: 'Anställningsavtal; AB 20',
  },
  {
    name: 'Handläggning inom individ- och familjeomsorgen',
    systems: ['Lifecare Individ- och familjeomsorg'],
    controller: 'ifo',
    profile: 'social',
    purpose: 'Utredning, beslut och dokumentation i ärenden om barn, unga, vuxna och missbruk',
    basis: 'legal_obligation',
    note: 'SoL 11 kap.; LVU; LVM',
    criminal: 'SoL 11 kap. och LVU; behandlingen sker under kontroll av myndighet',
  },
  {
    name: 'Ekonomiskt bistånd – ansökan, utredning och utbetalning',
    systems: ['Viva Ekonomiskt bistånd', 'SSBTEK Ekonomiskt bistånd', 'Ekonomiskt bistånd e-ansökan'],
    controller: 'ifo',
    profile: 'social',
    purpose: 'Prövning av rätt till ekonomiskt bistånd och utbetalning',
    basis: 'legal_obligation',
    note: 'SoL 4 kap. 1 §; lag (2008:206) om underrättelseskyldighet',
  },
  {
    name: 'Utredningar av barn och unga (BBIC)',
    systems: ['BBIC-stöd'],
    controller: 'ifo',
    profile: 'social',
    purpose: 'Utredning och uppföljning av barns behov enligt BBIC',
    basis: 'legal_obligation',
    note: 'SoL 11 kap. 1 §',
    criminal: 'Uppgifter om lagöverträdelser i utredningar om unga',
    state: 'returned',
  },
  {
    name: 'Insatser enligt LSS och socialpsykiatri',
    systems: ['Treserva Funktionsstöd'],
    controller: 'funktionsstod',
    profile: 'care',
    purpose: 'Dokumentation av insatser enligt LSS och stöd i socialpsykiatrin',
    basis: 'legal_obligation',
    note: 'LSS 21 a §; SoL 11 kap. 5 §',
  },
  {
    name: 'Bostadsanpassningsbidrag',
    systems: ['Bostadsanpassning'],
    controller: 'sbf',
    profile: 'authority',
    purpose: 'Handläggning av bidrag till anpassning av bostäder för personer med funktionsnedsättning',
    basis: 'legal_obligation',
    note: 'Lag (2018:222) om bostadsanpassningsbidrag',
    specialBasis: 'substantial_public_interest',
    dpiaMissing: true,
  },
  {
    name: 'Färdtjänst och riksfärdtjänst',
    systems: ['Färdtjänst'],
    controller: 'sbf',
    profile: 'authority',
    purpose: 'Prövning av tillstånd till färdtjänst',
    basis: 'legal_obligation',
    note: 'Lag (1997:736) om färdtjänst',
    specialBasis: 'substantial_public_interest',
  },
  {
    name: 'Parkeringstillstånd för rörelsehindrade',
    systems: ['Parkeringstillstånd'],
    controller: 'sbf',
    profile: 'authority',
    purpose: 'Prövning av parkeringstillstånd för personer med funktionsnedsättning',
    basis: 'legal_obligation',
    note: 'Trafikförordningen (1998:1276) 13 kap. 8 §',
    specialBasis: 'substantial_public_interest',
  },
  // Schools and preschools.
  {
    name: 'Elevadministration, frånvaro och omdömen',
    systems: ['Skolplattformen Tieto Edu'],
    controller: 'bou',
    profile: 'school',
    purpose: 'Administration av elever, frånvaro och kunskapsuppföljning i grundskolan',
    basis: 'public_interest',
    note: 'Skollagen (2010:800) 10 kap. och 29 kap.',
  },
  {
    name: 'Elevregister och skolplacering',
    systems: ['Procapita Utbildning'],
    controller: 'bou',
    profile: 'school',
    purpose: 'Elevregister, skolval och placering',
    basis: 'public_interest',
    note: 'Skollagen (2010:800) 9–10 kap.',
  },
  {
    name: 'Lärplattform och elevadministration i gymnasiet',
    systems: ['Schoolsoft'],
    controller: 'gymnasium',
    profile: 'school',
    purpose: 'Schema, frånvaro, uppgifter och betyg i gymnasieskolan',
    basis: 'public_interest',
    note: 'Skollagen (2010:800) 15–16 kap.',
    state: 'remarks',
  },
  {
    name: 'Kö och placering i förskola',
    systems: ['IST Förskola'],
    controller: 'forskola',
    profile: 'school',
    purpose: 'Ansökan, kö, placering och avgifter i förskola och fritidshem',
    basis: 'public_interest',
    note: 'Skollagen (2010:800) 8 kap. 14 §',
  },
  {
    name: 'Närvaro och schema i förskola och fritidshem',
    systems: ['Tempus'],
    controller: 'forskola',
    profile: 'school',
    purpose: 'Barnens scheman och närvaro',
    basis: 'public_interest',
    note: 'Skollagen (2010:800) 8 kap.',
    agreement: 'expired',
  },
  {
    name: 'Elevhälsans medicinska journal',
    systems: ['PMO Elevhälsojournal'],
    controller: 'bou',
    profile: 'schoolHealth',
    purpose: 'Journalföring av skolsköterskors och skolläkares arbete',
    basis: 'legal_obligation',
    note: 'Skollagen 2 kap. 25 §; patientdatalagen 3 kap.',
  },
  {
    name: 'Elevhälsans psykosociala journal',
    systems: ['Prorenata Elevhälsa'],
    controller: 'bou',
    profile: 'schoolHealth',
    purpose: 'Dokumentation av kuratorers och psykologers arbete',
    basis: 'legal_obligation',
    note: 'Skollagen 2 kap. 25 §; patientdatalagen',
    state: 'pending',
  },
  {
    name: 'Undervisning i Google Workspace for Education',
    systems: ['Google Workspace for Education'],
    controller: 'grundskola',
    profile: 'school',
    purpose: 'Undervisning, inlämningar och samarbete i grundskolan',
    basis: 'public_interest',
    note: 'Skollagen (2010:800) 1 kap.',
    transfers: dpf,
    state: 'remarks',
  },
  {
    name: 'Undervisning och samarbete i Microsoft Teams',
    systems: ['Microsoft Teams för skolan'],
    controller: 'grundskola',
    profile: 'school',
    purpose: 'Lektioner, uppgifter och kommunikation med elever',
    basis: 'public_interest',
    note: 'Skollagen (2010:800) 1 kap.',
    transfers: dpf,
  },
  {
    name: 'Skolskjuts',
    systems: ['Skolskjutsplanering'],
    controller: 'bou',
    profile: 'school',
    purpose: 'Prövning av rätt till skolskjuts och planering av turer',
    basis: 'legal_obligation',
    note: 'Skollagen (2010:800) 10 kap. 32 §',
  },
  {
    name: 'Gymnasieantagning',
    systems: ['Gymnasieantagning Indra'],
    controller: 'gymnasium',
    profile: 'school',
    purpose: 'Ansökan och antagning till gymnasieskolan',
    basis: 'legal_obligation',
    note: 'Gymnasieförordningen (2010:2039) 7 kap.',
  },
  {
    name: 'Vuxenutbildning – ansökan och kurser',
    systems: ['Vuxenutbildning Alvis'],
    controller: 'gymnasium',
    profile: 'school',
    purpose: 'Ansökan, antagning, kurser och betyg i vuxenutbildningen',
    basis: 'public_interest',
    note: 'Skollagen (2010:800) 20–22 kap.',
  },
  {
    name: 'Studie- och yrkesvägledning',
    systems: ['Studiehandledning SYV'],
    controller: 'gymnasium',
    profile: 'school',
    purpose: 'Vägledningssamtal och studieplaner',
    basis: 'public_interest',
    note: 'Skollagen (2010:800) 2 kap. 29 §',
    state: 'pending',
  },
  {
    name: 'Frånvaroanmälan från vårdnadshavare',
    systems: ['Frånvarohantering Skola'],
    controller: 'grundskola',
    profile: 'school',
    purpose: 'Vårdnadshavares anmälan av frånvaro och skolans uppföljning',
    basis: 'public_interest',
    note: 'Skollagen (2010:800) 7 kap. 19 a §',
  },
  {
    name: 'Pedagogisk dokumentation i förskolan',
    systems: ['Dokumentation förskola Unikum'],
    controller: 'forskola',
    profile: 'school',
    purpose: 'Dokumentation av barnens lärande och kontakt med vårdnadshavare',
    basis: 'public_interest',
    note: 'Skollagen (2010:800) 4 kap.; läroplan för förskolan',
  },
];
