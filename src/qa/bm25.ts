import SearchableMap from "minisearch/SearchableMap";

/**
 * BM25 over postings of our own, each list ordered by its impact on the score, so that a search
 * reads at most `postingsRead` entries of a list, the ones that weigh most (champion lists, as in
 * Manning, Raghavan & Schütze, "Introduction to Information Retrieval", ch. 7): a word in every
 * sentence of a very large report costs that many postings, not one per sentence. MiniSearch, which
 * it replaces on the answer path, reads every posting of every word asked.
 *
 * The scores are MiniSearch's BM25+ (k 1.2, b 0.7, d 0.5), term for term and summed in its order, and
 * ties keep its order: wherever no list is longer than `postingsRead`, a search returns exactly what
 * MiniSearch returns for the same documents and options (a test checks it).
 */

/**
 * One word's documents in one field, best first: by the word's BM25 score there plus the
 * document's static quality (`buildBm25`), then lower id.
 */
export interface Postings {
  ids: Uint32Array;
  /** The word's BM25 score in each document's field, in the order of `ids`. */
  impacts: Float64Array;
}

export interface Bm25Index {
  fields: readonly string[];
  documentCount: number;
  /** Word → its postings in each field (null where the field never uses it), words in first-use order. */
  terms: Map<string, (Postings | null)[]>;
}

export interface Bm25Text {
  tokenize: (text: string) => string[];
  /** A token as indexed and searched, or null for a word left out (stop words). */
  processTerm: (token: string) => string | null;
}

export interface Bm25Hit {
  id: number;
  score: number;
  /** The indexed words that matched (a prefix or fuzzy match may differ from the word asked). */
  terms: string[];
}

export interface Bm25Search {
  /** Most entries read of any one word's list in one field. */
  postingsRead: number;
  /** Multiplier per field name; 1 where not given. */
  boost?: Readonly<Record<string, number>>;
  /** Whether a query word also matches as a prefix of longer words. */
  prefix?: (term: string) => boolean;
  /** Edit distance allowed, as a fraction of the word's length (below 1) or in letters. */
  fuzzy?: (term: string) => number;
}

const BM25 = { k: 1.2, b: 0.7, d: 0.5 } as const;
/** MiniSearch's defaults for prefix and fuzzy matches. */
const PREFIX_WEIGHT = 0.375;
const FUZZY_WEIGHT = 0.45;
const MAX_FUZZY = 6;

function bm25Score(
  termFreq: number,
  matching: number,
  total: number,
  fieldLength: number,
  averageLength: number,
): number {
  const { k, b, d } = BM25;
  const inverseFrequency = Math.log(1 + (total - matching + 0.5) / (matching + 0.5));
  return (
    inverseFrequency *
    (d + (termFreq * (k + 1)) / (termFreq + k * (1 - b + (b * fieldLength) / averageLength)))
  );
}

/**
 * Index documents given as one text per field (in `fields` order), ids in the order given.
 * `quality` is what a document adds to the score its searcher gives it whatever the words (a later
 * paragraph scores lower): postings are read best first by BM25 score plus quality.
 */
export function buildBm25(
  documents: readonly (readonly string[])[],
  fields: readonly string[],
  text: Bm25Text,
  quality: (id: number) => number = () => 0,
): Bm25Index {
  // Each word's documents per field, as parallel lists in id order: appended to, never looked up.
  const postings = new Map<string, (Counted | null)[]>();
  const lengths = fields.map(() => new Uint32Array(documents.length));
  const averages = fields.map(() => 0);
  const termOf = rememberedTerms(text);
  // A field's text repeats in the next document (a sentence's facts share its quote): read once.
  const read = fields.map(() => ({ value: "", length: 0, termFreqs: new Map<string, number>() }));
  documents.forEach((values, id) => {
    fields.forEach((_, field) => {
      const value = values[field] ?? "";
      const last = read[field] as { value: string; length: number; termFreqs: Map<string, number> };
      if (id === 0 || value !== last.value) {
        const tokens = text.tokenize(value);
        last.value = value;
        last.length = new Set(tokens).size;
        last.termFreqs = new Map();
        for (const token of tokens) {
          const term = termOf(token);
          if (term) last.termFreqs.set(term, (last.termFreqs.get(term) ?? 0) + 1);
        }
      }
      (lengths[field] as Uint32Array)[id] = last.length;
      averages[field] = ((averages[field] as number) * id + last.length) / (id + 1);
      for (const [term, termFreq] of last.termFreqs) {
        let perField = postings.get(term);
        if (!perField) {
          perField = fields.map(() => null);
          postings.set(term, perField);
        }
        let counted = perField[field];
        if (!counted) {
          counted = { ids: [], termFreqs: [] };
          perField[field] = counted;
        }
        counted.ids.push(id);
        counted.termFreqs.push(termFreq);
      }
    });
  });
  const terms = new Map<string, (Postings | null)[]>();
  for (const [term, perField] of postings) {
    terms.set(
      term,
      perField.map((counted, field) =>
        counted
          ? ranked(
              counted,
              (termFreq, id) =>
                bm25Score(
                  termFreq,
                  counted.ids.length,
                  documents.length,
                  (lengths[field] as Uint32Array)[id] as number,
                  averages[field] as number,
                ),
              quality,
            )
          : null,
      ),
    );
  }
  return { fields, documentCount: documents.length, terms };
}

/** One word's documents in one field while the index is built, in id order. */
interface Counted {
  ids: number[];
  termFreqs: number[];
}

/** `text.processTerm`, worked out once per distinct token for one build. */
function rememberedTerms(text: Bm25Text): (token: string) => string | null {
  const terms = new Map<string, string | null>();
  return (token) => {
    let term = terms.get(token);
    if (term === undefined) {
      term = text.processTerm(token);
      terms.set(token, term);
    }
    return term;
  };
}

/** A word's postings best first: by impact plus the document's quality, then lower id. */
function ranked(
  counted: Counted,
  impactOf: (termFreq: number, id: number) => number,
  quality: (id: number) => number,
): Postings {
  const count = counted.ids.length;
  const impacts = new Float64Array(count);
  const ranks = new Float64Array(count);
  const order: number[] = [];
  for (let i = 0; i < count; i++) {
    const id = counted.ids[i] as number;
    impacts[i] = impactOf(counted.termFreqs[i] as number, id);
    ranks[i] = (impacts[i] as number) + quality(id);
    order.push(i);
  }
  // Ids were appended in order, so a lower index is a lower id.
  if (count > 1) order.sort((a, b) => (ranks[b] as number) - (ranks[a] as number) || a - b);
  const ids = new Uint32Array(count);
  const best = new Float64Array(count);
  order.forEach((i, k) => {
    ids[k] = counted.ids[i] as number;
    best[k] = impacts[i] as number;
  });
  return { ids, impacts: best };
}

/** The index's words in a prefix tree, built on the first prefix or fuzzy search and kept. */
const wordTrees = new WeakMap<Bm25Index, SearchableMap<true>>();

function wordTree(index: Bm25Index): SearchableMap<true> {
  let tree = wordTrees.get(index);
  if (!tree) {
    tree = new SearchableMap<true>();
    for (const term of index.terms.keys()) tree.set(term, true);
    wordTrees.set(index, tree);
  }
  return tree;
}

/** The indexed words a query word reaches, with the weight of each: itself, prefixes, near misses. */
function derivedTerms(index: Bm25Index, term: string, options: Bm25Search): [string, number][] {
  const derived: [string, number][] = [[term, 1]];
  const allowed = options.fuzzy?.(term) ?? 0;
  const distance = allowed < 1 ? Math.min(MAX_FUZZY, Math.round(term.length * allowed)) : allowed;
  const fuzzy = distance > 0 ? wordTree(index).fuzzyGet(term, distance) : undefined;
  if (options.prefix?.(term)) {
    for (const [word] of wordTree(index).atPrefix(term)) {
      const extra = word.length - term.length;
      if (extra === 0) continue;
      fuzzy?.delete(word);
      derived.push([word, (PREFIX_WEIGHT * word.length) / (word.length + 0.3 * extra)]);
    }
  }
  for (const [word, [, edits]] of fuzzy ?? []) {
    if (edits !== 0) derived.push([word, (FUZZY_WEIGHT * word.length) / (word.length + edits)]);
  }
  return derived;
}

/**
 * One search's sums, by document id, kept per index and reused: a search touches a few thousand
 * documents of a report that may hold a hundred thousand, and typed arrays hold no pointers, so
 * reusing them neither allocates per search nor gives the collector old-to-new references to scan.
 * They are cleared at the start of the next search, so a ranking reads them until then.
 */
interface Sums {
  /** The sum so far of the query word being read, and which word (from 1) last reached it. */
  own: Float64Array;
  ownWord: Int32Array;
  /** The sum over the query words read, multiplied at the end by how many matched. */
  score: Float64Array;
  /** Which list first reached the document (0: none yet): ties keep that order, as MiniSearch's do. */
  first: Int32Array;
  /** How many distinct query words matched. */
  asked: Uint16Array;
  /** Documents touched by this search, in the order first touched; `count` of them. */
  touched: Int32Array;
  count: number;
  /** Documents the query word being read touched; `ownCount` of them. */
  ownTouched: Int32Array;
  ownCount: number;
  /** Room to sort the touched documents' scores in (`rankBm25`), so a search allocates none. */
  sorted: Float64Array;
}

const sumsOf = new WeakMap<Bm25Index, Sums>();

function clearedSums(index: Bm25Index): Sums {
  const n = index.documentCount;
  let sums = sumsOf.get(index);
  if (!sums) {
    sums = {
      own: new Float64Array(n),
      ownWord: new Int32Array(n),
      score: new Float64Array(n),
      first: new Int32Array(n),
      asked: new Uint16Array(n),
      touched: new Int32Array(n),
      count: 0,
      ownTouched: new Int32Array(n),
      ownCount: 0,
      sorted: new Float64Array(n),
    };
    sumsOf.set(index, sums);
  }
  for (let i = 0; i < sums.count; i++) {
    const id = sums.touched[i] as number;
    sums.score[id] = 0;
    sums.first[id] = 0;
    sums.asked[id] = 0;
    sums.ownWord[id] = 0;
  }
  sums.count = 0;
  return sums;
}

/**
 * Sum every matching document's score into the index's `Sums`, each word's list in each field read
 * at most `options.postingsRead` deep; `matched` hears of each indexed word reaching a document.
 * The sums are MiniSearch's, added in its order: per query word, then across words.
 */
function sumScores(
  index: Bm25Index,
  query: string,
  text: Bm25Text,
  options: Bm25Search,
  matched?: (id: number, term: string) => void,
): Sums {
  const sums = clearedSums(index);
  const boosts = index.fields.map((field) => options.boost?.[field] ?? 1);
  const seen = new Set<string>();
  let list = 0;
  let word = 0;
  for (const token of text.tokenize(query)) {
    const asked = text.processTerm(token);
    if (!asked) continue;
    word++;
    // A word asked again reaches the same documents again: its score adds, its count does not.
    const again = seen.has(asked);
    seen.add(asked);
    sums.ownCount = 0;
    for (const [term, weight] of derivedTerms(index, asked, options)) {
      const perField = index.terms.get(term);
      if (!perField) continue;
      perField.forEach((postings, field) => {
        if (!postings) return;
        list++;
        const scale = weight * (boosts[field] as number);
        const read = Math.min(options.postingsRead, postings.ids.length);
        for (let i = 0; i < read; i++) {
          const id = postings.ids[i] as number;
          if (sums.first[id] === 0) {
            sums.first[id] = list;
            sums.touched[sums.count++] = id;
          }
          if (sums.ownWord[id] !== word) {
            sums.ownWord[id] = word;
            sums.ownTouched[sums.ownCount++] = id;
          }
          sums.own[id] = (sums.own[id] as number) + scale * (postings.impacts[i] as number);
          matched?.(id, term);
        }
      });
    }
    for (let i = 0; i < sums.ownCount; i++) {
      const id = sums.ownTouched[i] as number;
      sums.score[id] = (sums.score[id] as number) + (sums.own[id] as number);
      sums.own[id] = 0;
      if (!again) sums.asked[id] = (sums.asked[id] as number) + 1;
    }
  }
  for (let i = 0; i < sums.count; i++) {
    const id = sums.touched[i] as number;
    sums.score[id] = (sums.score[id] as number) * (sums.asked[id] as number);
  }
  return sums;
}

/** Best first: by score, then the list that reached it first, then id. */
function byRank(sums: Sums): (a: number, b: number) => number {
  return (a, b) =>
    (sums.score[b] as number) - (sums.score[a] as number) ||
    (sums.first[a] as number) - (sums.first[b] as number) ||
    a - b;
}

/**
 * The documents matching any word of `query`, best first, each word's list in each field read at
 * most `options.postingsRead` deep.
 */
export function searchBm25(
  index: Bm25Index,
  query: string,
  text: Bm25Text,
  options: Bm25Search,
): Bm25Hit[] {
  const terms = new Map<number, string[]>();
  const sums = sumScores(index, query, text, options, (id, term) => {
    const known = terms.get(id);
    if (!known) terms.set(id, [term]);
    else if (!known.includes(term)) known.push(term);
  });
  const ids = sums.touched.slice(0, sums.count).sort(byRank(sums));
  return Array.from(ids, (id) => ({
    id,
    score: sums.score[id] as number,
    terms: terms.get(id) ?? [],
  }));
}

/** A search's best documents and every matching document's score, without the words matched. */
export interface Bm25Ranking {
  /** The best `limit` documents, best first. */
  best: Int32Array;
  /** The best score, or 0 when nothing matched. */
  top: number;
  /** A document's score (0 when it did not match); read it before the next search of the index. */
  scoreOf: (id: number) => number;
}

/**
 * What `searchBm25` finds, ranked only as far as its best `limit`: a search over a very large
 * report matches thousands of documents, of which a caller reads a few in order.
 */
export function rankBm25(
  index: Bm25Index,
  query: string,
  text: Bm25Text,
  options: Bm25Search,
  limit: number,
): Bm25Ranking {
  const sums = sumScores(index, query, text, options);
  const { count, touched, score } = sums;
  // A heavy question matches thousands of documents: their scores are sorted in the index's own
  // room, and only the best (about `limit`) are copied out, not every match.
  const scores = sums.sorted.subarray(0, count);
  for (let i = 0; i < count; i++) scores[i] = score[touched[i] as number] as number;
  scores.sort();
  const top = scores[count - 1] ?? 0;
  // Every document above the limit's score is among the best; ties at it are ranked in full.
  const cut = scores[Math.max(0, count - limit)] ?? 0;
  let kept = 0;
  for (let i = 0; i < count; i++) if ((score[touched[i] as number] as number) >= cut) kept++;
  const best = new Int32Array(kept);
  kept = 0;
  for (let i = 0; i < count; i++) {
    const id = touched[i] as number;
    if ((score[id] as number) >= cut) best[kept++] = id;
  }
  best.sort(byRank(sums));
  return { best: best.subarray(0, limit), top, scoreOf: (id) => score[id] as number };
}

/** The documents that use an indexed word in any field, ascending: the best `read` of each list. */
export function documentsWith(index: Bm25Index, term: string, read: number): number[] {
  const ids = new Set<number>();
  for (const postings of index.terms.get(term) ?? [])
    for (const id of postings?.ids.subarray(0, read) ?? []) ids.add(id);
  return [...ids].sort((a, b) => a - b);
}
