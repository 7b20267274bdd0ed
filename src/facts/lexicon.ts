/** Domain vocabulary: enforcement verbs and the words around figures. */
import { GRAMMAR } from "../lexicon/language.js";

const ACTION_FORMS: Record<string, string[]> = {
  seize: [
    "seize",
    "seized",
    "seizes",
    "seizing",
    "seizure",
    "seizures",
    "confiscate",
    "confiscated",
    "confiscating",
    "confiscation",
    "capture",
    "captured",
    "intercept",
    "intercepted",
    "interception",
    "interdicted",
    "recover",
    "recovered",
    "impound",
    "impounded",
    "found",
    "discovered",
    "removed",
  ],
  crack: [
    "crack",
    "cracked",
    "cracking",
    "solve",
    "solved",
    "solving",
    "bust",
    "busted",
    "uncover",
    "uncovered",
    "detect",
    "detected",
    "clear",
    "cleared",
  ],
  arrest: [
    "arrest",
    "arrested",
    "arresting",
    "arrests",
    "apprehend",
    "apprehended",
    "detain",
    "detained",
    "catch",
    "caught",
    "nab",
    "nabbed",
    "capture",
    "custody",
    "captured",
    "taken",
  ],
  destroy: [
    "destroy",
    "destroyed",
    "destroying",
    "dismantle",
    "dismantled",
    "dismantling",
    "smash",
    "smashed",
    "disrupt",
    "disrupted",
    "eradicate",
    "eradicated",
    "shut",
    "raze",
    "burned",
    "burnt",
    "incinerated",
  ],
  investigate: [
    "investigate",
    "investigated",
    "investigating",
    "investigation",
    "probe",
    "probed",
    "handle",
    "handled",
    "handling",
    "deal",
    "dealt",
    "punish",
    "punished",
    "verified",
  ],
  prosecute: [
    "prosecute",
    "prosecuted",
    "prosecution",
    "prosecutions",
    "charge",
    "charges",
    "charged",
    "indict",
    "indicted",
  ],
  // A conviction or an extradition is not a prosecution: "how many were extradited" must not
  // be answered with how many were convicted.
  convict: ["convict", "convicted", "conviction", "convictions", "sentence", "sentenced"],
  extradite: ["extradite", "extradited", "extradition", "extraditions"],
  rehabilitate: [
    "rehabilitate",
    "rehabilitated",
    "rehabilitation",
    "treat",
    "treated",
    "treatment",
  ],
  launch: [
    "launch",
    "launched",
    "conduct",
    "conducted",
    "carry",
    "carried",
    "organize",
    "organized",
    "organise",
    "organised",
    "hold",
    "held",
    "stage",
    "staged",
    "mount",
    "mounted",
  ],
  inspect: [
    "inspect",
    "inspected",
    "inspection",
    "inspections",
    "check",
    "checked",
    "screen",
    "screened",
    "search",
    "searched",
    "raid",
    "raided",
    "raids",
  ],
  rescue: ["rescue", "rescued", "save", "saved"],
  list: ["list", "listed"],
  promote: ["promote", "promoted"],
  command: ["command", "commanded"],
  freeze: ["freeze", "froze", "frozen", "freezing"],
  increase: ["increase", "increased", "rise", "rose", "grow", "grew", "up"],
  decrease: [
    "decrease",
    "decreased",
    "fall",
    "fell",
    "drop",
    "dropped",
    "decline",
    "declined",
    "down",
  ],
  defraud: [
    "defraud",
    "defrauded",
    "swindle",
    "swindled",
    "scam",
    "scammed",
    "cheated",
    "embezzled",
    "laundered",
  ],
};

/** Words that may follow "were"/"have been" without a figure-bearing verb, e.g. "were forced". */
const ACTION_BY_FORM = new Map<string, string>();
for (const [lemma, forms] of Object.entries(ACTION_FORMS)) {
  for (const form of forms) if (!ACTION_BY_FORM.has(form)) ACTION_BY_FORM.set(form, lemma);
}

export function actionLemma(word: string): string | null {
  return ACTION_BY_FORM.get(word.toLowerCase()) ?? null;
}

export const AUXILIARIES: ReadonlySet<string> = new Set(GRAMMAR.auxiliaries);

export const PREPOSITIONS: ReadonlySet<string> = new Set(GRAMMAR.prepositions);

export const DETERMINERS: ReadonlySet<string> = new Set(GRAMMAR.determiners);

/** Words between a number and its noun that add nothing to what is counted. */
export const FILLER_MODIFIERS: ReadonlySet<string> = new Set(GRAMMAR.fillerModifiers);

/** Spelled-out numbers that read as prose rather than figures when not followed by a counted noun. */
export const QUALIFIERS: [RegExp, string][] = [
  [/\b(?:more than|over|in excess of|upwards of|above)\s*$/i, "more than"],
  [/\b(?:nearly|almost|close to|just under)\s*$/i, "nearly"],
  [/\b(?:about|around|approximately|roughly|some|an estimated|estimated|approx\.?)\s*$/i, "about"],
  [/\b(?:a total of|in total|totall?ing|totaling)\s*$/i, "a total of"],
  [/\b(?:at least|no fewer than|no less than)\s*$/i, "at least"],
  [/\b(?:up to|as many as|as much as)\s*$/i, "up to"],
  [/\b(?:less than|fewer than|under|below)\s*$/i, "less than"],
];

/** Substances, so that "drugs" in a question reaches "900 kilograms of methamphetamine". */
export const DRUG_NAMES = new Set(
  (
    "heroin cocaine methamphetamine shabu yaba charas ganja kush bhang meth methamphetamines ice amphetamine amphetamines ketamine fentanyl " +
    "carfentanil cannabis marijuana hashish hash resin opium morphine mdma ecstasy captagon tramadol cathinone " +
    "cathinones khat lsd crack narcotics narcotic drugs drug oxycodone codeine benzodiazepines xylazine nitazenes " +
    "synthetic cannabinoids pills tablets"
  ).split(" "),
);
