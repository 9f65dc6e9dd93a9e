import type { SpecialCategoryBasis } from '@forvalta/contracts';

/**
 * What records of processing of one kind have in common (care, school, HR, e-services …): the
 * data subjects, the data, the recipients, the retention and the measures. The demo's records
 * (demo-privacy-activities.ts) name a profile and say only what is their own.
 */
export interface ProcessingProfile {
  subjects: string[];
  /** A category's name, with `special` for the special categories of article 9. */
  data: Array<{ name: string; special: boolean }>;
  specialBasis: SpecialCategoryBasis | null;
  recipients: string[];
  retention: string;
  plan: string;
  measures: string;
}

const data = (...names: string[]) =>
  names.map((name) => (name.startsWith('*') ? { name: name.slice(1), special: true } : { name, special: false }));

const strongMeasures =
  'Inloggning med e-legitimation (tvåfaktor), behörighet efter arbetsuppgift och vårdrelation, loggning med regelbunden logguppföljning, kryptering vid överföring och lagring, säkerhetskopiering dagligen.';
const standardMeasures =
  'Inloggning med personligt konto och tvåfaktor, behörighet efter arbetsuppgift, loggning av ändringar, kryptering vid överföring, säkerhetskopiering dagligen.';

export const processingProfiles = {
  care: {
    subjects: ['Brukare', 'Anhöriga och företrädare', 'Personal'],
    data: data('Namn och personnummer', 'Kontaktuppgifter', '*Uppgifter om hälsa', 'Sociala förhållanden', 'Beslut och insatser'),
    specialBasis: 'health_or_social_care',
    recipients: [
      'Inspektionen för vård och omsorg (IVO)',
      'Västra Götalandsregionen vid samordnad planering',
      'Socialstyrelsen (statistik)',
    ],
    retention: 'Personakter gallras fem år efter sista anteckning; akter för personer födda den 5, 15 och 25 bevaras för forskning.',
    plan: 'Informationshanteringsplan omsorgsnämnden 4.1',
    measures: strongMeasures,
  },
  social: {
    subjects: ['Barn och unga', 'Vårdnadshavare', 'Sökande av bistånd', 'Anmälare'],
    data: data(
      'Namn och personnummer',
      'Kontaktuppgifter',
      '*Uppgifter om hälsa',
      'Sociala och ekonomiska förhållanden',
      'Utredningar och beslut',
    ),
    specialBasis: 'health_or_social_care',
    recipients: ['Förvaltningsrätten vid överklagande', 'Polismyndigheten efter sekretessprövning', 'Socialstyrelsen (statistik)'],
    retention: 'Personakter gallras fem år efter sista anteckning; utredningar om barn bevaras enligt SoL 12 kap. 2 §.',
    plan: 'Informationshanteringsplan omsorgsnämnden 5.3',
    measures: strongMeasures,
  },
  schoolHealth: {
    subjects: ['Elever', 'Vårdnadshavare'],
    data: data('Namn och personnummer', 'Kontaktuppgifter', '*Uppgifter om hälsa', 'Hälsobesök och vaccinationer'),
    specialBasis: 'health_or_social_care',
    recipients: ['Elevhälsan vid ny skola', 'Regionens barn- och ungdomspsykiatri efter samtycke'],
    retention: 'Elevhälsojournaler bevaras (skollagen och patientdatalagen); överlämnas till ny huvudman vid skolbyte.',
    plan: 'Informationshanteringsplan barn- och utbildningsnämnden 6.2',
    measures: strongMeasures,
  },
  school: {
    subjects: ['Elever', 'Vårdnadshavare', 'Personal'],
    data: data('Namn och personnummer', 'Kontaktuppgifter', 'Skolplacering och klass', 'Frånvaro', 'Omdömen och betyg'),
    specialBasis: null,
    recipients: ['Skolverket och SCB (statistik)', 'Mottagande skola vid skolbyte'],
    retention: 'Betygskataloger bevaras; frånvaro och omdömen gallras två år efter avslutad skolgång.',
    plan: 'Informationshanteringsplan barn- och utbildningsnämnden 3.4',
    measures: standardMeasures,
  },
  hr: {
    subjects: ['Anställda', 'Tidigare anställda', 'Timavlönade och vikarier'],
    data: data(
      'Namn och personnummer',
      'Kontaktuppgifter',
      'Anställning och lön',
      'Bankkonto',
      'Frånvaro',
      '*Uppgifter om hälsa (sjukfrånvaro)',
    ),
    specialBasis: 'employment_law',
    recipients: ['Skatteverket', 'Försäkringskassan', 'KPA Pension', 'Fackliga organisationer (enligt MBL)'],
    retention: 'Löneunderlag sparas sju år (bokföringslagen); personakten bevaras.',
    plan: 'Informationshanteringsplan kommunstyrelsen 2.5',
    measures: standardMeasures,
  },
  registry: {
    subjects: ['Avsändare och mottagare av allmänna handlingar', 'Parter i ärenden', 'Förtroendevalda'],
    data: data('Namn', 'Kontaktuppgifter', 'Uppgifter i ärenden och handlingar'),
    specialBasis: null,
    recipients: ['Allmänheten efter sekretessprövning (TF 2 kap.)', 'Sydarkivera (arkivmyndighet)'],
    retention: 'Diariet bevaras; handlingarna gallras eller bevaras enligt nämndens informationshanteringsplan.',
    plan: 'Informationshanteringsplan kommunstyrelsen 1.1',
    measures: standardMeasures,
  },
  eservice: {
    subjects: ['Invånare', 'Sökande', 'Företrädare för företag och föreningar'],
    data: data('Namn och personnummer', 'Kontaktuppgifter', 'Uppgifter i ansökan eller ärendet'),
    specialBasis: null,
    recipients: ['Handläggande nämnd'],
    retention: 'E-tjänstens kopia gallras 90 dagar efter överföring till ärendesystemet; ärendet enligt nämndens plan.',
    plan: 'Informationshanteringsplan kommunstyrelsen 1.4',
    measures: standardMeasures,
  },
  authority: {
    subjects: ['Sökande', 'Fastighetsägare', 'Sakägare och grannar', 'Verksamhetsutövare'],
    data: data('Namn och personnummer', 'Kontaktuppgifter', 'Fastighetsbeteckning', 'Uppgifter i ärendet', 'Avgifter'),
    specialBasis: null,
    recipients: ['Länsstyrelsen', 'Lantmäteriet', 'Sakägare', 'Mark- och miljödomstolen vid överklagande'],
    retention: 'Beslut och ritningar bevaras; övriga handlingar gallras tio år efter ärendets avslut.',
    plan: 'Informationshanteringsplan samhällsbyggnadsnämnden 2.2',
    measures: standardMeasures,
  },
  customer: {
    subjects: ['Kunder och abonnenter', 'Fastighetsägare', 'Leverantörer (enskilda firmor)'],
    data: data('Namn och personnummer', 'Adress', 'Abonnemang och förbrukning', 'Betalningsuppgifter'),
    specialBasis: null,
    recipients: ['Inkassobolag', 'Kronofogdemyndigheten', 'Revisorer'],
    retention: 'Räkenskapsinformation sparas sju år efter räkenskapsårets slut (bokföringslagen).',
    plan: 'Informationshanteringsplan kommunstyrelsen 3.2',
    measures: standardMeasures,
  },
  staffIt: {
    subjects: ['Anställda', 'Förtroendevalda', 'Konsulter och praktikanter'],
    data: data('Namn', 'E-postadress och användarnamn', 'Behörigheter och roller', 'Loggar och IP-adresser'),
    specialBasis: null,
    recipients: ['IT-leverantörer som personuppgiftsbiträden'],
    retention: 'Kontot tas bort 90 dagar efter avslutad anställning; loggar sparas tolv månader.',
    plan: 'Informationshanteringsplan kommunstyrelsen 4.3',
    measures: standardMeasures,
  },
  leisure: {
    subjects: ['Låntagare och besökare', 'Deltagare', 'Föreningsföreträdare'],
    data: data('Namn och personnummer', 'Kontaktuppgifter', 'Lån, bokningar och avgifter'),
    specialBasis: null,
    recipients: ['Bibliotek i samverkan (fjärrlån)', 'Inkassobolag'],
    retention: 'Uppgifter om lån gallras när lånet återlämnats och avgifter är betalda; konton utan aktivitet efter tre år.',
    plan: 'Informationshanteringsplan kultur- och fritidsnämnden 1.2',
    measures: standardMeasures,
  },
} satisfies Record<string, ProcessingProfile>;

export type ProcessingProfileKey = keyof typeof processingProfiles;

/** The board (nämnd) that is the controller for a department's processing. */
export const controllerBoards: Record<string, string> = {
  ks: 'Kommunstyrelsen',
  ekonomi: 'Kommunstyrelsen',
  it: 'Kommunstyrelsen',
  kansli: 'Kommunstyrelsen',
  personal: 'Kommunstyrelsen',
  bou: 'Barn- och utbildningsnämnden',
  forskola: 'Barn- och utbildningsnämnden',
  grundskola: 'Barn- och utbildningsnämnden',
  gymnasium: 'Barn- och utbildningsnämnden',
  omsorg: 'Omsorgsnämnden',
  aldreomsorg: 'Omsorgsnämnden',
  ifo: 'Omsorgsnämnden',
  funktionsstod: 'Omsorgsnämnden',
  sbf: 'Samhällsbyggnadsnämnden',
  teknik: 'Samhällsbyggnadsnämnden',
  bygg: 'Miljö- och byggnadsnämnden',
  kultur: 'Kultur- och fritidsnämnden',
  bibliotek: 'Kultur- och fritidsnämnden',
  raddning: 'Räddningsnämnden',
};
