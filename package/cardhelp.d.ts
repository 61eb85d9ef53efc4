// Types for the cardhelp package: the <card-help> element, its events, and the headless API.
//
// Written against the engine's JSON contract (README: "The `cardhelp` command line", "Events",
// "Config keys"). tests/package_types.rs checks every interface here against what the engine
// actually prints, and the package test compiles real outputs and event details against it.

// ---------------------------------------------------------------------------------------------
// Ids (contracts: adding one is a minor release, removing or renaming one is breaking)

/** The 12 problem topics. */
export type TopicId =
  | 'unauthorized_charge'
  | 'billing_dispute'
  | 'fees_interest'
  | 'payment_issue'
  | 'identity_theft'
  | 'credit_reporting'
  | 'account_closure'
  | 'credit_limit_application'
  | 'rewards_promotions'
  | 'card_problem'
  | 'hardship'
  | 'account_service';

/** `en` or `es`. Inputs also take region tags such as `es-MX`. */
export type Locale = 'en' | 'es';

/** A date written `YYYY-MM-DD`. */
export type IsoDate = string;

/** The deadline rules, by id. */
export type DeadlineId =
  | 'billing_error_notice'
  | 'autopay_dispute_notice'
  | 'billing_error_acknowledgment'
  | 'billing_error_resolution'
  | 'billing_error_pay_or_dispute'
  | 'payment_on_time'
  | 'statement_grace_21'
  | 'penalty_rate_existing_balance'
  | 'payment_address_change_protection'
  | 'credit_balance_refund'
  | 'credit_balance_six_months'
  | 'terms_change_effective'
  | 'rate_increase_protected_balance'
  | 'adverse_action_notice'
  | 'adverse_action_reasons_request'
  | 'adverse_action_reasons_answer'
  | 'application_decision'
  | 'fraud_alert_expires'
  | 'free_report_after_alert'
  | 'extended_alert_expires'
  | 'active_duty_alert_expires'
  | 'freeze_in_place'
  | 'freeze_confirmation'
  | 'freeze_lift'
  | 'identity_theft_block'
  | 'report_dispute_result'
  | 'cfpb_company_response'
  | 'cfpb_final_response'
  | 'cfpb_feedback_window'
  | 'network_dispute_window'
  | 'amex_dispute_window'
  | 'discover_dispute_window'
  | 'visa_zero_liability_credit'
  | 'debit_card_loss_report'
  | 'debit_error_notice'
  | 'debit_error_investigation';

/** The facts a case can give, by id (the keys of `Case.facts`). */
export type FactId = keyof Facts;

/** The letters the widget drafts. */
export type LetterId =
  | 'billing_error_notice'
  | 'credit_balance_refund_request'
  | 'adverse_action_reasons_request'
  | 'dispute_request';

/** The ways to reach an issuer, as a plan's `channels` name them. */
export type ChannelId =
  | 'card_services_phone'
  | 'fraud_phone'
  | 'secure_message'
  | 'online_account'
  | 'mobile_app'
  | 'dispute_form'
  | 'written_letter'
  | 'issuer_letter'
  | 'other_company';

export type Weekday = 'monday' | 'tuesday' | 'wednesday' | 'thursday' | 'friday' | 'saturday' | 'sunday';
export type CardNetwork = 'visa' | 'mastercard' | 'amex' | 'discover';
export type PaymentMethod = 'mail' | 'online' | 'phone';
export type RequestMethod = 'online' | 'phone' | 'mail';
export type Urgency = 'urgent' | 'soon' | 'routine';

// ---------------------------------------------------------------------------------------------
// The host config (README "Config keys")

/** A phone line's hours: one text, or one per language (a language left out shows the other). */
export type Hours = string | { en?: string; es?: string };

export interface PhoneLine {
  /** Digits, spaces and `+ ( ) - .`; 7 to 20 digits. Required for the line to appear. */
  number?: string | null;
  hours?: Hours | null;
  /** IANA time zone, e.g. `America/New_York`. */
  time_zone?: string | null;
}

/** Up to three phone lines. */
export interface Phones {
  card_services?: PhoneLine | null;
  fraud?: PhoneLine | null;
  general?: PhoneLine | null;
}

/** An issuer's business days where they differ from the Federal Reserve's. */
export interface CalendarInput {
  closed_days?: IsoDate[];
  /** Weekend days open for business, any letter case. */
  open_weekdays?: string[];
  open_days?: IsoDate[];
  /** Default `true`. */
  mail_on_saturday?: boolean;
}

/** The host config: every key optional; unknown keys are reported and ignored. */
export interface HostConfig {
  issuer_name?: string | null;
  phones?: Phones | null;
  secure_message_url?: string | null;
  online_account_url?: string | null;
  app_url?: string | null;
  dispute_form_url?: string | null;
  dispute_form_is_written_notice?: boolean | null;
  /** Lines separated by `\n`. */
  billing_error_address?: string | null;
  calendar?: CalendarInput | null;
  default_locale?: string | null;
  topics?: TopicId[] | null;
}

// ---------------------------------------------------------------------------------------------
// The case (README "The case")

/** What happened; every fact is optional. Dates are `YYYY-MM-DD`. */
export interface Facts {
  statement_sent?: IsoDate;
  statement_closing?: IsoDate;
  transaction_date?: IsoDate;
  notice_received?: IsoDate;
  /** 1–31. */
  cycle_closing_day?: number;
  autopay_date?: IsoDate;
  autopay_from_issuer_account?: boolean;
  billing_error_decision_date?: IsoDate;
  due_date?: IsoDate;
  payment_method?: PaymentMethod;
  statement_mailed?: IsoDate;
  missed_due_date?: IsoDate;
  payment_address_changed?: IsoDate;
  refund_request_received?: IsoDate;
  credit_balance_since?: IsoDate;
  terms_notice_sent?: IsoDate;
  terms_notice_received?: IsoDate;
  rate_increase_notice_sent?: IsoDate;
  rate_increase_notice_received?: IsoDate;
  adverse_action_date?: IsoDate;
  adverse_action_notice_date?: IsoDate;
  adverse_action_reasons_received?: IsoDate;
  adverse_action_reasons_requested?: IsoDate;
  application_completed?: IsoDate;
  fraud_alert_placed?: IsoDate;
  fraud_alert_report_requested?: IsoDate;
  extended_alert_placed?: IsoDate;
  active_duty_alert_placed?: IsoDate;
  freeze_requested?: IsoDate;
  freeze_request_method?: RequestMethod;
  freeze_placed?: IsoDate;
  freeze_lift_requested?: IsoDate;
  freeze_lift_method?: RequestMethod;
  identity_theft_block_requested?: IsoDate;
  report_dispute_received?: IsoDate;
  report_dispute_info_added?: boolean;
  cfpb_complaint_sent?: IsoDate;
  cfpb_company_responded?: IsoDate;
  card_network?: CardNetwork;
  unauthorized_use_reported?: IsoDate;
  debit_loss_discovered?: IsoDate;
  debit_statement_sent?: IsoDate;
  debit_error_notice_received?: IsoDate;
}

/** The input of `plan()` and `questions()`, and of `cardhelp plan` / `cardhelp questions`. */
export interface Case {
  /** The caller's date: the engine never reads a clock. */
  today: IsoDate;
  topic?: TopicId;
  locale?: string;
  /** The cardholder's own words, for the classifier. */
  text?: string;
  facts?: Facts;
  /** Replaces the host config's `calendar` when given. */
  calendar?: CalendarInput;
  /** Question id → `yes`/`no`, an option id, a date or a day of the month. Needs `topic`. */
  answers?: Record<string, string>;
  config?: HostConfig;
}

/** The second argument of `deadlines()`. */
export interface DeadlineOptions {
  today: IsoDate;
  locale?: string;
  calendar?: CalendarInput;
}

// ---------------------------------------------------------------------------------------------
// The plan (README "The plan")

export interface Plan {
  today: IsoDate;
  locale: Locale;
  /** Present when the case gave a topic or its text picked one. */
  topic?: TopicId;
  /** The counting rules, in the case's language. */
  conventions: string[];
  disclaimer: string;
  business_days: BusinessDays;
  /** Sorted by date. */
  deadlines: Deadline[];
  /** How the case's `text` was read, when the topic came from it. */
  classification?: Classification;
  // The triage: present when the topic is known.
  urgency?: Urgency;
  urgency_reasons?: string[];
  /** Best first. */
  channels?: Channel[];
  steps?: string[];
  prepare?: string[];
  expectations?: Expectations;
  escalation?: EscalationStep[];
  letters?: LetterId[];
  /** The rules this topic cares about, known facts or not. */
  deadline_ids?: DeadlineId[];
  /** The one thing to do next, its door and its date, as ids into this plan; `null` without steps. */
  next?: Next | null;
  /** Problems in the case's `config`; the plan used the valid rest. */
  config_issues?: ConfigIssue[];
}

/** The one thing to do next: what the top of the plan shows first. */
export interface Next {
  /** Index into `steps`. */
  step: number;
  /** The door: the id of one of the plan's `channels`. */
  channel: string | null;
  /** The date that goes with it: the id of one of the plan's `deadlines`, when one is ahead. */
  deadline: DeadlineId | null;
  /** The step's own words name that date (otherwise show the deadline's summary beside it). */
  dated_step: boolean;
}

/** One cited law: the short form shown, its name in words (the link's name), its official text. */
export interface Citation {
  text: string;
  name: string;
  url: string | null;
}

export interface BusinessDays {
  description: string;
  source: string;
  source_url: string;
  /** The source, each law named and linked. */
  citations: Citation[];
  as_of: IsoDate;
  /** The case's `calendar` changed the default days. */
  issuer_adjusted: boolean;
}

export interface Deadline {
  id: DeadlineId;
  date: IsoDate;
  party: 'cardholder' | 'issuer' | 'bureau' | 'cfpb' | 'network';
  citation: string;
  counting: string;
  starts: string;
  estimate: boolean;
  status: 'in_force' | 'policy' | 'unverified';
  summary: string;
  source_url: string | null;
  unit: 'calendar_days' | 'business_days' | 'billing_cycles' | 'months' | 'years';
  length: number;
  cap_days: number | null;
  anchor: 'received' | 'sent' | 'event';
  kind: 'receive_by' | 'send_by' | 'act_by' | 'ends' | 'not_before';
  start_fact: FactId;
  start_date: IsoDate;
  estimate_reason: string | null;
  as_of: IsoDate;
  law_text: string;
  /** The citation, each law named and linked. */
  citations: Citation[];
  checked: IsoDate;
  convention: 'day_zero' | 'beginning_on' | 'before';
  /** Negative once passed. */
  days_left: number;
  /** Where the clock stands on `today`. */
  state: 'unknown' | 'open' | 'closing' | 'mail_by_passed' | 'passed' | 'met';
  mail_by: MailBy | null;
  non_business_day: boolean;
  rolled_from: IsoDate | null;
  warning: string | null;
}

/** A suggested mailing date: advice, not law. */
export interface MailBy {
  date: IsoDate;
  days_left: number;
  note: string;
}

export interface Channel {
  id: ChannelId;
  name: string;
  why: string;
  /** The host's configured contact, or `null`: then show `fallback`. */
  reach: Reach | null;
  fallback: string;
}

export interface Reach {
  value: string;
  /** `tel:` for phones, the link itself for links; `null` for a mailing address. */
  href: string | null;
  hours: string | null;
}

export interface Expectations {
  can: string[];
  cannot: string[];
}

export interface EscalationStep {
  id: string;
  title: string;
  text: string;
  deadline_ids: DeadlineId[];
}

export interface ConfigIssue {
  /** The path of the value, e.g. `phones.fraud.number`; `config` for the whole document. */
  field: string;
  /** In English: the audience is the site operator. */
  message: string;
}

// ---------------------------------------------------------------------------------------------
// Questions and the classifier

export interface Questions {
  questions: Question[];
  /** Nothing is left to ask. */
  done: boolean;
}

export interface Question {
  /** The key of its answer in `answers`. */
  id: string;
  kind: 'yes_no' | 'choice' | 'date' | 'day_of_month';
  options: AnswerOption[];
  fills: FactId[];
  /** What the case's `text` already says; never an answer until sent back in `answers`. */
  prefilled: string | null;
  text: string;
  help: string;
}

export interface AnswerOption {
  id: string;
  label: string;
}

export interface Classification {
  /** All 12 topics, most likely first; scores sum to 1. */
  topics: TopicScore[];
  /** The words behind the first topic, most influential first. */
  reasons: string[];
  /** False when the words say too little: offer the topic tiles instead. */
  confident: boolean;
}

export interface TopicScore {
  topic: TopicId;
  score: number;
}

// ---------------------------------------------------------------------------------------------
// The headless API: the same contract as the CLI. Bad input rejects with an Error whose
// message starts with the field's path (`today: 2026-02-30 is not a real date`).

export function plan(caseData: Case): Promise<Plan>;
export function questions(caseData: Case): Promise<Questions>;
export function deadlines(facts: Facts, options: DeadlineOptions): Promise<Deadline[]>;
export function classify(text: string): Promise<Classification>;
/** Resolves once the engine is loaded. */
export function ready(): Promise<void>;

export interface CardhelpApi {
  readonly plan: typeof plan;
  readonly questions: typeof questions;
  readonly deadlines: typeof deadlines;
  readonly classify: typeof classify;
  readonly ready: typeof ready;
}
/** The same functions as one object (also `window.cardhelp` unless the page has its own). */
export const cardhelp: CardhelpApi;

// ---------------------------------------------------------------------------------------------
// Events: `CustomEvent`s on the element, `bubbles` and `composed`. Details carry ids only.

export type ErrorCode =
  | 'config'
  | 'load'
  | 'panic'
  | 'share'
  | 'plan'
  | 'storage'
  | 'clipboard'
  | 'download'
  | 'print';

export interface ReadyDetail { type: 'ready'; locale: Locale; /** The package version. */ version: string }
export interface TopicDetail { type: 'topic'; topic: TopicId; source: 'tile' | 'text' | 'host' }
export interface PlanDetail { type: 'plan'; topic: TopicId; urgency: Urgency; deadline_ids: DeadlineId[] }
export interface LetterDetail { type: 'letter'; letter: LetterId; action: 'copy' | 'print' | 'download' }
export interface CalendarDetail { type: 'calendar'; /** How many events the `.ics` file holds. */ deadlines: number }
export interface PrintDetail { type: 'print' }
export interface ShareDetail { type: 'share' }
export interface StorageDetail { type: 'storage'; saved: boolean }
export interface LocaleDetail { type: 'locale'; locale: Locale }
/** Why the widget could not load (`code: 'load'`): the table in README "Deploying". */
export type LoadCause = 'not_found' | 'http' | 'mime' | 'cors' | 'csp' | 'network' | 'invalid' | 'unsupported';
export interface ErrorDetail {
  type: 'error';
  code: ErrorCode;
  /** With `code: 'load'`: the most likely cause. */
  cause?: LoadCause;
  /** With `code: 'load'`: the file that failed. */
  url?: string;
  /** With `code: 'config'`: each bad value's path and what is wrong with it, in English. */
  problems?: readonly ConfigProblem[];
}

/** One problem in the host config: `field` is its path (`phones.fraud.number`). */
export interface ConfigProblem { field: string; message: string }

/** Every event `<card-help>` dispatches, by name. */
export interface CardHelpEventMap {
  'cardhelp:ready': CustomEvent<ReadyDetail>;
  'cardhelp:topic': CustomEvent<TopicDetail>;
  'cardhelp:plan': CustomEvent<PlanDetail>;
  'cardhelp:letter': CustomEvent<LetterDetail>;
  'cardhelp:calendar': CustomEvent<CalendarDetail>;
  'cardhelp:print': CustomEvent<PrintDetail>;
  'cardhelp:share': CustomEvent<ShareDetail>;
  'cardhelp:storage': CustomEvent<StorageDetail>;
  'cardhelp:locale': CustomEvent<LocaleDetail>;
  'cardhelp:error': CustomEvent<ErrorDetail>;
}

/** Any event's detail. */
export type CardHelpEventDetail = CardHelpEventMap[keyof CardHelpEventMap]['detail'];

// ---------------------------------------------------------------------------------------------
// The element

/** The attributes `<card-help>` reads (README "Attributes and properties"). */
export type CardHelpAttribute = 'locale' | 'config' | 'topic' | 'today' | 'loading' | 'debug';

/** `<card-help>`: its attributes are {@link CardHelpAttribute}; its property is `config`. */
export interface CardHelpElement extends HTMLElement {
  /** The host config as a JS object; wins over the `config` attribute and a JSON script child. */
  config: HostConfig | undefined;
  /** The `cardhelp:ready` detail once the widget has first rendered; rejects if it cannot load. */
  readonly ready: Promise<ReadyDetail>;
  /** `light` or `dark` pins the colour scheme (the `color-scheme` attribute); `''` follows the device. */
  colorScheme: '' | 'light' | 'dark';
  /** Debug mode (the `debug` attribute): the config's problems shown in the widget's setup box. */
  debug: boolean;
  /** The config's problems as last reported; empty when the config is clean. */
  readonly problems: readonly ConfigProblem[];
  addEventListener<K extends keyof CardHelpElementEventMap>(
    type: K,
    listener: (this: CardHelpElement, ev: CardHelpElementEventMap[K]) => unknown,
    options?: boolean | AddEventListenerOptions,
  ): void;
  addEventListener(
    type: string,
    listener: EventListenerOrEventListenerObject,
    options?: boolean | AddEventListenerOptions,
  ): void;
  removeEventListener<K extends keyof CardHelpElementEventMap>(
    type: K,
    listener: (this: CardHelpElement, ev: CardHelpElementEventMap[K]) => unknown,
    options?: boolean | EventListenerOptions,
  ): void;
  removeEventListener(
    type: string,
    listener: EventListenerOrEventListenerObject,
    options?: boolean | EventListenerOptions,
  ): void;
}

export interface CardHelpElementEventMap extends HTMLElementEventMap, CardHelpEventMap {}

/** What `customElements.get('card-help')` returns. */
export interface CardHelpElementConstructor {
  new (): CardHelpElement;
  prototype: CardHelpElement;
  readonly observedAttributes: readonly CardHelpAttribute[];
  /** The package version, e.g. `0.1.0`. */
  readonly version: string;
}

declare global {
  interface HTMLElementTagNameMap {
    'card-help': CardHelpElement;
  }
  // The events bubble and are composed, so any element or the document hears them.
  interface HTMLElementEventMap extends CardHelpEventMap {}
  interface DocumentEventMap extends CardHelpEventMap {}
  interface WindowEventMap extends CardHelpEventMap {}
  interface Window {
    cardhelp?: CardhelpApi;
  }
  // `customElements.get('card-help')?.version` is typed.
  interface CustomElementRegistry {
    get(name: 'card-help'): CardHelpElementConstructor | undefined;
  }
}
