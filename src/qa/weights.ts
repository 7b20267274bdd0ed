/**
 * Every weight and threshold the answer path uses, named, each with why. `answer()` takes a
 * partial override (`{ weights: { minFactScore: 5 } }`) over these exported defaults, as
 * MiniSearch takes its search options.
 */
export interface Weights {
  /** Below this a fact shares too little with the question to be its answer. */
  minFactScore: number;
  /** A question concept among the fact's own words (what is counted, verb, unit). */
  coreHit: number;
  /**
   * A concept read for a question word the report never uses, from its close WordNet neighbour
   * ("incarcerated" asked, "imprisoned" written), times this: the asker's word, not the report's.
   */
  bridgeHit: number;
  /** A question verb on a figure whose verb the report leaves out ("Heroin: 412 kg"). */
  missingVerbHit: number;
  /** A question concept in the words right around the figure. */
  nearHit: number;
  /** A question concept elsewhere in the figure's sentence. */
  sentenceHit: number;
  /**
   * "Q1" asked of a report whose opening speaks of the first quarter: an undated figure is for the
   * report's period, as near as a figure stating it, so the period does not outweigh what is counted.
   */
  openingPeriodHit: number;
  /**
   * "Money", "grant" or "funding" asked, met only by the figure's currency ("Maine awarded $4
   * million"): the figure is money, though its words say nothing nearer; weaker than those words.
   */
  moneyByCurrency: number;
  /** A question concept elsewhere in the figure's paragraph: weak evidence. */
  paragraphHit: number;
  /**
   * A question concept nowhere in the figure's paragraph: "detained in the harbour sweep" is not
   * answered by the national total when another figure's paragraph names the sweep.
   */
  missingConcept: number;
  /**
   * The most retrieved facts a question scores in full, the best by a cheap score: a report of the
   * genre retrieves far fewer for any question, one a thousand times its size most of its facts.
   */
  fullScoreLimit: number;
  /**
   * The most postings read of any one word, concept, place or unit, best first (champion lists):
   * above the longest list of any report of the genre, so it only ever cuts a very large report,
   * whose common words would otherwise cost a posting per fact or sentence.
   */
  postingsRead: number;
  /** A concept in this many sentences or fewer is rare enough to name a part of the report. */
  rareConceptSentences: number;
  /** Each word of what is counted that the question does not ask about ("juvenile cases" for "cases"). */
  extraModifier: number;
  /** Cap on the extra-modifier penalty, so long subjects are not ruled out. */
  extraModifierCap: number;
  /** The question's verb is the figure's verb (or a verb just before it). */
  verbAgrees: number;
  /** The figure states no verb at all: neither confirmed nor contradicted. */
  verbAbsent: number;
  /** The figure's verb is another one ("arrested" asked, "seized" stated). */
  verbDisagrees: number;
  /** The counted noun asked for is the figure's own head noun. */
  targetHead: number;
  /**
   * With no counted noun asked ("carjackings in <city>?"), a noun of the question that is the
   * figure's own head: what the figure counts is what the question names.
   */
  askedNounHead: number;
  /** The figure's count unit is the one the counted noun implies ("people" for "suspects"). */
  targetUnit: number;
  /** The figure counts something other than the noun asked about. */
  targetMissing: number;
  /** A national figure when no place is asked about. */
  nationalWhenPlaceless: number;
  /** A local figure when no place is asked about. */
  localWhenPlaceless: number;
  /** "in total", "nationwide" in the question makes national figures more clearly the answer. */
  asksTotal: number;
  /** A figure before the first section heading: the report's headline. */
  headline: number;
  /** A figure in a reporter's question of a transcript ("Q: … the $1.2 billion?"): the asker's, not stated. */
  reportersQuestion: number;
  /** A figure for exactly the places asked about, shared out when it covers more. */
  placeMatch: number;
  /**
   * A figure for a larger area its line says includes the place asked ("Coastal (including Port
   * Arlen): 9,100"): less than `placeMatch`, so the place's own figure, wherever stated, wins.
   */
  wholeOfAskedPlace: number;
  /** A duration (days, months) not asked for is rarely the answer ("in the first 50 days"). */
  unaskedDuration: number;
  /** A figure the question itself states ("in the 12 months to …") is a filter, not the answer. */
  statedInQuestion: number;
  /**
   * A figure whose sentence states every figure the question states ("people 25 to 34"): those
   * name the row asked, so it beats a total of the same thing by more than `totalMargin`.
   */
  statedBeside: number;
  /** A year named in the question stated beside the figure. */
  yearNear: number;
  /** Another year stated just before the figure. */
  otherYear: number;
  /** BM25 match of the question to the fact's words (as a share of the best), a tie-breaker. */
  textMatch: number;
  /** Per paragraph number: earlier statements of the same thing win ties. */
  paragraphOrder: number;
  /** A figure introduced as a part ("including", "of whom"): the whole is the better answer. */
  partOf: number;
  /** A figure counting what the question sets aside ("apart from those fined"): not the one asked. */
  setAside: number;
  /** Each of the question's own word forms beside the figure: a tie-breaker. */
  verbatimWord: number;
  /** An earlier period's figure when the question asks about the earlier period. */
  earlierAsked: number;
  /** An earlier period's figure when the question asks about no period. */
  earlierUnasked: number;
  /** A figure stated for "last year" when the question asks "so far this year". */
  lastYearForCurrent: number;
  /** A figure for the kind of span asked ("in Q3" and "between July and September"). */
  spanAgrees: number;
  /**
   * A figure for another kind of span than the one asked ("so far this year" and May's figure),
   * where the report gives figures of the kind asked: below a verb that disagrees, since the
   * running total and the quarter's figure count the same thing with the same verb.
   */
  spanDisagrees: number;
  /**
   * A figure the report itself states for "last year" when the question asks "last year": above
   * `earlierAsked`, since a figure only compared with it ("against 30 in 2024") is a year before that.
   */
  lastYearAsked: number;
  /** A multiplier ("rose 2.7 times") for a question that does not ask how many times. */
  multiplierUnasked: number;
  /** A figure stated per the thing the question asks a rate of ("per state" and "per state"). */
  rateMatch: number;
  /** A figure stated per something else than the rate asked ("per town" for "per state"). */
  rateOther: number;
  /** A figure stated per something when the question asks an average without saying per what. */
  rateAverage: number;
  /** A figure stated per something ("1,800 a day") when the question asks the total. */
  rateForTotal: number;
  /** A rate asked for and a figure stated per nothing: it may still be the average, weakly. */
  rateMissing: number;
  /** Unit fit: a mass or volume asked and given (in the exact unit asked). */
  massGiven: number;
  massExact: number;
  /** Unit fit: the wrong kind of quantity for what is asked. */
  wrongUnitKind: number;
  /** Unit fit: money asked and given, with the currency named and matching, or not matching. */
  currencyGiven: number;
  currencyExact: number;
  currencyOther: number;
  /** Unit fit: a bare "how much" answered by a weight, or by money. */
  amountMass: number;
  amountMoney: number;
  /** Unit fit: a percentage asked and given. */
  percentGiven: number;
  /** Unit fit: a count unit asked and given; a measure or percentage instead; another count. */
  countUnitGiven: number;
  countAsMeasure: number;
  countOtherUnit: number;
  /** Restatements within this much of the best score are cited beside it. */
  restatementMargin: number;
  /**
   * A figure whose sentence never names the noun counted answers only when it holds more than this
   * share of the question's other words: then the noun is the asker's paraphrase of its own.
   */
  paraphraseShare: number;
  /**
   * A sentence saying a figure is withheld ("did not give a figure for …") answers "no figure"
   * only when it holds at least this many of the question's words, and more than the best figure's.
   */
  withheldMinShared: number;
  /**
   * A thing asked its worth that the report names in at most this many sentences, counted but
   * absent from the best sum's sentence, is mentioned in passing with no sum ("… and jewellery").
   */
  rareThingSentences: number;
  /**
   * A count in a change's own sentence this close to it ("fell 12 percent, to 4,410") is the main
   * figure a question naming no measure asks.
   */
  levelMargin: number;
  /** National figures this close to the best are one total and its parts. */
  totalMargin: number;
  /**
   * Asked with no place, the report's own figure this close to a breakdown row's (one of several
   * districts' figures for the same thing) answers instead: the rows are its parts.
   */
  breakdownMargin: number;
  /** Superlatives keep places whose best figure is within this of the leader. */
  superlativeMargin: number;
  /**
   * Sentence answers, multiplying a sentence's BM25 score (as 1 + this): a sentence holding an
   * entity of the kind asked for first ("who" → a person), of another wanted kind, or none at all
   * when the question asks for one (a heading or sign-off that repeats the question's words).
   */
  sentenceEntityFirst: number;
  sentenceEntityOther: number;
  sentenceNoEntity: number;
  /**
   * Sentence answers: an entity of the kind asked counts as the answer only this many characters
   * or fewer from a word the question asks about; farther off it is about another clause.
   */
  sentenceEntityReach: number;
  /** Sentence answers: share of the rest of its paragraph's BM25 score a sentence borrows. */
  sentenceParagraphContext: number;
  /** Sentence answers: least share of the question's concepts (up to two) a sentence must hold. */
  sentenceMinCoverage: number;
  /**
   * Sentence answers to "what is it called" or "which cartels": like an entity of the kind asked
   * for, a sentence that quotes a name ("the \"Clean Harbour\" drive") the question does not
   * already use, or puts one right before the noun asked ("the Harbour and Delta cartels").
   */
  sentenceQuotedName: number;
  /**
   * Sentence answers to who/when/where: a sentence holding the question's own verb ("who led")
   * states the event asked about; one without it only shares its topic ("a ring that sold").
   */
  sentenceEventVerb: number;
  /** A quoted name in this many paragraphs or more is the report's own subject, not an answer. */
  ownNameParagraphs: number;
  /**
   * A contest's option is named in a sentence where more than half the words telling it from the
   * other options (of those the report uses) stand together: "drug" alone does not name
   * "drug-making cases", nor "vehicles" alone "commercial vehicles".
   */
  optionMentionShare: number;
  /**
   * A report naming one operation ("Operation Tallowmere") is that operation's story, its figures
   * the operation's, when it names it within this share of its paragraphs: a later first mention
   * is a programme or an earlier case the story only refers to.
   */
  soleOperationWithin: number;
}

export const DEFAULT_WEIGHTS: Readonly<Weights> = Object.freeze({
  minFactScore: 4,
  coreHit: 2,
  bridgeHit: 0.8,
  missingVerbHit: 0.6,
  nearHit: 1.4,
  sentenceHit: 1,
  openingPeriodHit: 1.4,
  moneyByCurrency: 1.4,
  paragraphHit: 0.4,
  missingConcept: -0.5,
  fullScoreLimit: 128,
  postingsRead: 128,
  rareConceptSentences: 3,
  extraModifier: 0.4,
  extraModifierCap: 1.2,
  verbAgrees: 2,
  verbAbsent: 0.75,
  verbDisagrees: -1.5,
  targetHead: 3,
  targetUnit: 2,
  askedNounHead: 2,
  targetMissing: -1.5,
  nationalWhenPlaceless: 1,
  localWhenPlaceless: -0.75,
  asksTotal: 1,
  headline: 0.75,
  reportersQuestion: -3,
  placeMatch: 2,
  wholeOfAskedPlace: -2.5,
  unaskedDuration: -1.5,
  statedInQuestion: -4,
  statedBeside: 2,
  yearNear: 1,
  otherYear: -1.5,
  textMatch: 0.4,
  paragraphOrder: 0.001,
  partOf: -0.75,
  setAside: -3,
  verbatimWord: 0.15,
  earlierAsked: 1.5,
  earlierUnasked: -1,
  lastYearForCurrent: -2.5,
  spanAgrees: 1.5,
  spanDisagrees: -3,
  lastYearAsked: 1.75,
  multiplierUnasked: -3,
  rateMatch: 2,
  rateOther: -1,
  rateAverage: 1,
  rateForTotal: -2,
  rateMissing: -0.5,
  massGiven: 2,
  massExact: 2.5,
  wrongUnitKind: -3,
  currencyGiven: 2.5,
  currencyExact: 3.5,
  currencyOther: 1.5,
  amountMass: 2,
  amountMoney: 1.5,
  percentGiven: 2.5,
  countUnitGiven: 2,
  countAsMeasure: -2.5,
  countOtherUnit: -0.75,
  restatementMargin: 4,
  paraphraseShare: 0.5,
  withheldMinShared: 2,
  rareThingSentences: 2,
  levelMargin: 2,
  totalMargin: 1,
  breakdownMargin: 6,
  superlativeMargin: 8,
  sentenceEntityFirst: 1,
  sentenceEntityOther: 0.3,
  sentenceNoEntity: -0.15,
  sentenceEntityReach: 80,
  sentenceMinCoverage: 0.5,
  sentenceParagraphContext: 0.3,
  sentenceQuotedName: 1,
  sentenceEventVerb: 1,
  ownNameParagraphs: 3,
  optionMentionShare: 0.6,
  soleOperationWithin: 0.5,
});

/** The defaults themselves when nothing is overridden: an answer copies no 126-field object. */
export function weightsWith(overrides: Partial<Weights> = {}): Readonly<Weights> {
  return Object.keys(overrides).length === 0
    ? DEFAULT_WEIGHTS
    : { ...DEFAULT_WEIGHTS, ...overrides };
}
