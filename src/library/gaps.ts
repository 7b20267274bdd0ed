import type { AnswerStatus } from "../qa/schema.js";
import { STOP_WORDS } from "../qa/vocabulary.js";
import type { Store } from "../store/index.js";
import { wordOverlap } from "../text/similarity.js";
import { stem } from "../text/stem.js";
import { words } from "../text/tokenize.js";

export interface UnansweredQuestion {
  question: string;
  status: AnswerStatus;
  askedAt: Date;
}

export interface GapGroup {
  /** The phrasing asked most often in the group (on a tie, the first one given: the newest). */
  question: string;
  count: number;
  notFound: number;
  lastAskedAt: Date;
}

/** Answers below this confidence are shown as gaps, like not_found ones. */
export const LOW_CONFIDENCE = 0.5;

/** Content words of a question, case- and punctuation-folded, each reduced to its stem. */
export function questionTokens(question: string): string[] {
  return words(question.replace(/<[@#][!&]?\d+>/g, " "))
    .filter((word) => !STOP_WORDS.has(word))
    .map(stem);
}

/** Dice coefficient over content words, typos allowed: the one word-overlap measure. */
export function questionSimilarity(a: readonly string[], b: readonly string[]): number {
  return wordOverlap(a, b);
}

const SAME_QUESTION = 0.7;

interface Cluster {
  tokens: string[];
  phrasings: Map<string, { text: string; count: number }>;
  count: number;
  notFound: number;
  lastAskedAt: Date;
}

/**
 * Group questions that ask the same thing in different words or with typos, most asked first.
 * Each group is keyed by the words of its first question, so grouping never drifts.
 */
export function groupGaps(questions: readonly UnansweredQuestion[], limit: number): GapGroup[] {
  const clusters: Cluster[] = [];
  for (const asked of questions) {
    const tokens = questionTokens(asked.question);
    let cluster = clusters.find(
      (candidate) => questionSimilarity(tokens, candidate.tokens) >= SAME_QUESTION,
    );
    if (!cluster) {
      cluster = { tokens, phrasings: new Map(), count: 0, notFound: 0, lastAskedAt: asked.askedAt };
      clusters.push(cluster);
    }
    cluster.count++;
    if (asked.status === "not_found") cluster.notFound++;
    if (asked.askedAt > cluster.lastAskedAt) cluster.lastAskedAt = asked.askedAt;
    const text = asked.question.trim().replace(/\s+/g, " ");
    const key = text
      .toLowerCase()
      .replace(/[^\p{L}\p{N}]+/gu, " ")
      .trim();
    const phrasing = cluster.phrasings.get(key) ?? { text, count: 0 };
    phrasing.count++;
    cluster.phrasings.set(key, phrasing);
  }
  return clusters
    .sort((a, b) => b.count - a.count || b.lastAskedAt.getTime() - a.lastAskedAt.getTime())
    .slice(0, limit)
    .map((cluster) => ({
      question: [...cluster.phrasings.values()].reduce((best, p) =>
        p.count > best.count ? p : best,
      ).text,
      count: cluster.count,
      notFound: cluster.notFound,
      lastAskedAt: cluster.lastAskedAt,
    }));
}

export interface DownvotedGroup {
  /** The phrasing down-voted most often in the group. */
  question: string;
  /** 👎 votes across the group's answers. */
  down: number;
  lastVotedAt: Date;
}

/** How many recent down-voted answers are grouped, so the view stays cheap on a busy server. */
const DOWNVOTED_ROWS_CONSIDERED = 2_000;

/**
 * Answers members gave a 👎, grouped like gaps (same question in other words), most down-voted
 * first: what /report gaps shows next to the unanswered questions. null: every guild.
 */
export async function downvotedGaps(
  store: Pick<Store, "feedback">,
  guildId: string | null,
  days: number,
  limit = 10,
  now: Date = new Date(),
): Promise<DownvotedGroup[]> {
  const since = new Date(now.getTime() - days * 24 * 60 * 60 * 1000);
  const rows = await store.feedback.downvoted({
    guildId,
    since,
    limit: DOWNVOTED_ROWS_CONSIDERED,
  });
  const groups: { tokens: string[]; phrasings: Map<string, number>; group: DownvotedGroup }[] = [];
  for (const row of rows) {
    const tokens = questionTokens(row.question);
    let entry = groups.find((g) => questionSimilarity(tokens, g.tokens) >= SAME_QUESTION);
    if (!entry) {
      entry = {
        tokens,
        phrasings: new Map(),
        group: { question: row.question, down: 0, lastVotedAt: row.votedAt },
      };
      groups.push(entry);
    }
    entry.group.down += row.down;
    if (row.votedAt > entry.group.lastVotedAt) entry.group.lastVotedAt = row.votedAt;
    entry.phrasings.set(row.question, (entry.phrasings.get(row.question) ?? 0) + row.down);
  }
  return groups
    .map(({ phrasings, group }) => ({
      ...group,
      question: [...phrasings.entries()].reduce((best, p) => (p[1] > best[1] ? p : best))[0],
    }))
    .sort((a, b) => b.down - a.down || b.lastVotedAt.getTime() - a.lastVotedAt.getTime())
    .slice(0, limit);
}
