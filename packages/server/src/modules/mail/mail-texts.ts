import type { Locale, Task, TaskKind } from '@forvalta/contracts';

/**
 * The words of every e-mail, Swedish and English (Swedish is the default: a person's login locale
 * chooses). The server writes these, not the web, because a message is composed when no browser is
 * there; they say the same as the to-do list's texts (web i18n `tasks.kind` / `tasks.ask`).
 */
export interface ComposedMail {
  subject: string;
  text: string;
  html: string;
}

const kindNames: Record<Locale, Record<TaskKind, string>> = {
  sv: {
    acknowledge_document: 'Bekräfta läst',
    attend_training: 'Utbildning',
    confirm_system_record: 'Systemuppgifter',
    review_due: 'Genomgång',
    acknowledge_change_notice: 'Ändringsanmälan',
    project_gate: 'Projekt',
    end_leaver_access: 'Avslutade medarbetare',
    recertify_access: 'Omprövning av behörigheter',
    review_processing: 'Registerförteckning',
    contract_notice: 'Avtal att säga upp eller förlänga',
    report_incident: 'Incidentrapport',
  },
  en: {
    acknowledge_document: 'Acknowledge',
    attend_training: 'Training',
    confirm_system_record: 'System record',
    review_due: 'Review',
    acknowledge_change_notice: 'Change notice',
    project_gate: 'Project',
    end_leaver_access: 'Leavers',
    recertify_access: 'Access review',
    review_processing: 'Record of processing',
    contract_notice: 'Contract notice',
    report_incident: 'Incident report',
  },
};

const asks: Record<Locale, Record<TaskKind, string>> = {
  sv: {
    acknowledge_document: 'Läs dokumentet och bekräfta att du har läst det.',
    attend_training: 'Gå utbildningen.',
    confirm_system_record: 'Kontrollera systemets uppgifter i registret och bekräfta att de stämmer.',
    review_due: 'Håll den återkommande genomgången av systemet.',
    acknowledge_change_notice: 'Kvittera ändringsanmälan för IT-enheten.',
    project_gate: 'Ta projektet vidare.',
    end_leaver_access: 'Avsluta behörigheterna för medarbetare som har slutat.',
    recertify_access: 'Pröva behörigheterna i systemet och besluta om var och en.',
    review_processing: 'Granska registerförteckningen som dataskyddsombud.',
    contract_notice: 'Besluta om avtalet ska sägas upp eller löpa vidare, före sista uppsägningsdag.',
    report_incident: 'Lämna incidentens nästa rapport till CERT-SE före tidsfristen (cybersäkerhetslagen).',
  },
  en: {
    acknowledge_document: 'Read the document and confirm that you have read it.',
    attend_training: 'Attend the training.',
    confirm_system_record: "Check the system's entry in the register and confirm that it is correct.",
    review_due: 'Hold the periodic review of the system.',
    acknowledge_change_notice: 'Acknowledge the change notice for the IT unit.',
    project_gate: 'Take the project to its next step.',
    end_leaver_access: 'End the access rights of people who have left.',
    recertify_access: "Review the system's access rights and decide on each.",
    review_processing: 'Review the record of processing as the data protection officer.',
    contract_notice: 'Decide whether the contract is terminated or runs on, before its last day to give notice.',
    report_incident: "Send the incident's next report to CERT-SE before its deadline (the Cybersecurity Act).",
  },
};

const stepAsks: Record<Locale, Record<'submit' | 'decide', string>> = {
  sv: { submit: 'Lämna in projektet för driftgodkännande.', decide: 'Besluta om driftgodkännande.' },
  en: { submit: 'Submit the project for operational approval.', decide: 'Decide on the operational approval.' },
};

const words = {
  sv: {
    greeting: (name: string) => `Hej ${name}!`,
    due: 'Senast',
    overdue: 'försenad',
    open: 'Öppna i Förvalta',
    footer: 'Du får det här brevet från Förvalta. Vad du får och hur ofta väljer du under Mitt konto:',
    digestSubject: (count: number) => `Förvalta: ${count} ${count === 1 ? 'sak' : 'saker'} att göra`,
    digestIntro: 'Det här väntar på dig i Förvalta:',
    resetSubject: 'Förvalta: återställ ditt lösenord',
    resetIntro: 'Någon (förhoppningsvis du) bad om ett nytt lösenord till Förvalta för den här adressen.',
    resetAction: 'Välj ett nytt lösenord',
    resetExpiry: (hours: number) =>
      `Länken fungerar en gång och i ${hours} timmar. Bad du inte om det? Då kan du bortse från brevet; ditt lösenord är oförändrat.`,
  },
  en: {
    greeting: (name: string) => `Hello ${name},`,
    due: 'Due',
    overdue: 'overdue',
    open: 'Open in Förvalta',
    footer: 'You receive this e-mail from Förvalta. Choose what you receive and how often under My account:',
    digestSubject: (count: number) => `Förvalta: ${count} ${count === 1 ? 'thing' : 'things'} to do`,
    digestIntro: 'This is waiting for you in Förvalta:',
    resetSubject: 'Förvalta: reset your password',
    resetIntro: 'Someone (hopefully you) asked for a new Förvalta password for this address.',
    resetAction: 'Choose a new password',
    resetExpiry: (hours: number) =>
      `The link works once and for ${hours} hours. Did you not ask for it? Then ignore this e-mail; your password has not changed.`,
  },
} as const;

export const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (character) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[character]!);

const askOf = (locale: Locale, task: Task) => (task.step ? stepAsks[locale][task.step] : asks[locale][task.kind]);

function taskLines(locale: Locale, task: Task, publicUrl: string) {
  const text = words[locale];
  const when = task.dueDate
    ? ` (${text.due} ${task.dueDate}${task.overdue ? `, ${text.overdue}` : ''})`
    : task.overdue
      ? ` (${text.overdue})`
      : '';
  const title = task.context ? `${task.title} – ${task.context}` : task.title;
  const link = `${publicUrl}${task.link}`;
  return {
    text: `* ${kindNames[locale][task.kind]}: ${title}${when}\n  ${askOf(locale, task)}\n  ${link}`,
    html: `<li><strong>${escapeHtml(kindNames[locale][task.kind])}:</strong> <a href="${escapeHtml(link)}">${escapeHtml(title)}</a>${escapeHtml(when)}<br>${escapeHtml(askOf(locale, task))}</li>`,
  };
}

function wrap(locale: Locale, name: string, intro: string, textBody: string, htmlBody: string, publicUrl: string) {
  const text = words[locale];
  const settings = `${publicUrl}/account`;
  return {
    text: `${text.greeting(name)}\n\n${intro}\n\n${textBody}\n\n-- \n${text.footer}\n${settings}\n`,
    html: `<!doctype html><html lang="${locale}"><body><p>${escapeHtml(text.greeting(name))}</p><p>${escapeHtml(intro)}</p>${htmlBody}<hr><p><small>${escapeHtml(text.footer)} <a href="${escapeHtml(settings)}">${escapeHtml(settings)}</a></small></p></body></html>`,
  };
}

/** One ask, sent at once: the subject names the kind and the subject's own title. */
export function immediateMail(locale: Locale, name: string, task: Task, publicUrl: string): ComposedMail {
  const lines = taskLines(locale, task, publicUrl);
  const body = wrap(locale, name, askOf(locale, task), lines.text, `<ul>${lines.html}</ul>`, publicUrl);
  return { subject: `Förvalta: ${kindNames[locale][task.kind]}: ${task.title}`, ...body };
}

/** The day's digest: a person's asks, overdue first, as their to-do list orders them. */
export function digestMail(locale: Locale, name: string, tasks: readonly Task[], publicUrl: string): ComposedMail {
  const lines = tasks.map((task) => taskLines(locale, task, publicUrl));
  const text = words[locale];
  const body = wrap(
    locale,
    name,
    text.digestIntro,
    lines.map((line) => line.text).join('\n\n'),
    `<ul>${lines.map((line) => line.html).join('')}</ul><p><a href="${escapeHtml(`${publicUrl}/`)}">${escapeHtml(text.open)}</a></p>`,
    publicUrl,
  );
  return { subject: text.digestSubject(tasks.length), ...body };
}

/** The reset link; the body holds a secret, so the outbox blanks it once sent (ADR 0035). */
export function passwordResetMail(locale: Locale, link: string, hours: number): ComposedMail {
  const text = words[locale];
  return {
    subject: text.resetSubject,
    text: `${text.resetIntro}\n\n${text.resetAction}:\n${link}\n\n${text.resetExpiry(hours)}\n`,
    html: `<!doctype html><html lang="${locale}"><body><p>${escapeHtml(text.resetIntro)}</p><p><a href="${escapeHtml(link)}">${escapeHtml(text.resetAction)}</a></p><p>${escapeHtml(text.resetExpiry(hours))}</p></body></html>`,
  };
}
