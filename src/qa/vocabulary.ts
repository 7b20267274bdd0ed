import { actionLemma } from "../facts/lexicon.js";
import { stem } from "../text/stem.js";
import { words } from "../text/tokenize.js";
/** Question vocabulary: stop words, stemming and the domain's synonym groups. */

export const STOP_WORDS = new Set(
  (
    "a an the of in on at to for from by with and or but is are was were be been being has have had do does did " +
    "how many much what which who whom whose when where why there their they them it its this that these those " +
    "i me my we our you your he she his her us can could would should will shall may might must please tell " +
    "about report give show list all any some total number amount quantity figure figures " +
    "than then so as into during over under more most less least also just only get got according per " +
    "up down out off s t vs versus compare compared between difference did done make made " +
    "various kinds kind types type assorted different illicit illegal suspected"
  ).split(" "),
);

/** Each group maps onto its first word, so "confiscated" and "seized" meet on "seize". */
const SYNONYM_GROUPS: string[][] = [
  [
    "seize",
    "seizure",
    "confiscate",
    "confiscation",
    "capture",
    "intercept",
    "interception",
    "recover",
    "haul",
    "impound",
    "grab",
    "interdict",
  ],
  [
    "arrest",
    "catch",
    "caught",
    "apprehend",
    "apprehension",
    "detain",
    "detention",
    "nab",
    "nabbed",
    "round",
    "custody",
    "arrestee",
  ],
  ["crack", "solve", "bust", "break", "uncover", "clear"],
  [
    "destroy",
    "dismantle",
    "smash",
    "disrupt",
    "shut",
    "eradicate",
    "eliminate",
    "raze",
    "takedown",
    "topple",
  ],
  [
    "gang",
    "ring",
    "network",
    "syndicate",
    "cartel",
    "group",
    "organization",
    "organisation",
    "crew",
    "mob",
  ],
  ["case", "crime", "offence", "offense", "incident"],
  ["addict", "user", "abuser", "junkie"],
  [
    "suspect",
    "offender",
    "criminal",
    "perpetrator",
    "culprit",
    "people",
    "person",
    "individual",
    "ppl",
    "folks",
    "defendant",
    "accused",
  ],
  ["firearm", "gun", "weapon", "rifle", "pistol", "handgun"],
  ["vessel", "boat", "ship"],
  ["vehicle", "car", "truck", "van", "automobile", "lorry"],
  ["freeze", "frozen", "froze", "freezing"],
  ["age", "old", "aged"],
  ["imprisonment", "prison", "jail", "penalty", "sentence"],
  [
    "trafficker",
    "dealer",
    "smuggler",
    "peddler",
    "pusher",
    "courier",
    "mule",
    "trafficking",
    "smuggling",
    "traffic",
    "smuggle",
  ],
  ["drug", "narcotic", "substance", "dope"],
  ["investigate", "investigation", "deal", "dealt", "handle", "punish", "probe"],
  ["rehabilitate", "rehabilitation", "rehab", "treat", "treatment", "recovery"],
  ["fugitive", "escapee", "runaway", "wanted"],
  ["methamphetamine", "meth", "ice", "crystal", "speed", "shabu", "yaba"],
  [
    "cash",
    "money",
    "currency",
    "dollar",
    "proceeds",
    "fund",
    "asset",
    "yuan",
    "euro",
    "worth",
    "value",
    "valued",
    "budget",
    "funding",
    "reward",
    "payment",
    "paid",
    "pay",
    "monetary",
  ],
  ["pill", "tablet", "capsule"],
  ["factory", "lab", "laboratory", "plant", "workshop"],
  ["ton", "tonne", "t"],
  ["kilogram", "kg", "kilo"],
  ["pound", "lb", "lbs"],
  ["percent", "percentage", "per cent"],
  ["province", "provincial", "region"],
  ["country", "nation", "nationwide", "national"],
  ["police", "cop", "officer", "law enforcement"],
  ["campaign", "operation", "action", "drive", "crackdown", "initiative"],
  ["press", "briefing", "conference", "news"],
  [
    "increase",
    "rise",
    "rose",
    "risen",
    "grow",
    "grew",
    "grown",
    "jump",
    "climb",
    "surge",
    "up",
    "higher",
  ],
  ["decrease", "fall", "fell", "fallen", "drop", "decline", "dip", "plunge", "down", "lower"],
  ["say", "said", "spoke", "speak", "told", "tell", "announce", "comment", "remark", "quote"],
  ["maximum", "max", "highest", "top"],
  ["hotline", "helpline", "call", "phone", "telephone", "contact", "tip-off"],
  ["arrive", "arrived", "come", "came", "originate", "originated"],
  ["defraud", "swindle", "scam", "cheat", "con", "fraudulent", "trick"],
  ["burn", "burnt", "incinerate", "incineration"],
  ["daily", "day", "per day", "a day"],
  ["foreign", "foreigner", "expatriate"],
  ["herbal", "weed", "marijuana", "ganja", "pot", "grass"],
  ["resin", "hash", "hashish", "charas"],
  ["aircraft", "plane", "airplane", "aeroplane", "jet"],
];

const CANONICAL = new Map<string, string>();
for (const group of SYNONYM_GROUPS) {
  const head = stem(group[0] ?? "");
  for (const word of group) if (!CANONICAL.has(stem(word))) CANONICAL.set(stem(word), head);
}

/** The concept a word stands for: its synonym group's head, else its own stem. */
export function concept(word: string): string {
  const stemmed = stem(word);
  const canonical = CANONICAL.get(stemmed);
  if (canonical) return canonical;
  // "charged" and "prosecuted" meet on the verb lexicon the fact table uses.
  const lemma = actionLemma(word);
  return lemma && lemma !== word ? concept(lemma) : stemmed;
}

/** Concepts of the content words of a text. */
export function conceptsOf(text: string): string[] {
  return words(text)
    .filter((word) => !STOP_WORDS.has(word))
    .map(concept);
}
