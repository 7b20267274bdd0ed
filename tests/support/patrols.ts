/**
 * An invented report for contest answers: three places' seizures, and one figure two of them
 * share (the tests of the engine, the bot's embed and the CLI ask it the same questions).
 */
export const PATROLS_REPORT = [
  "Coastal patrol results, 2 March.",
  "Officers in Kerala seized 40 kilograms of heroin and arrested 12 suspects.",
  "Officers in Goa seized 75 kilograms of heroin and arrested 9 suspects.",
  "Officers in Punjab seized 12 kilograms of heroin.",
  "Kerala and Goa together destroyed 9 drug labs.",
].join("\n\n");
