import { Random, type FuzzCategory, type FuzzInput } from "./corpus";

/** The seed of the importer fuzz tests when FUZZ_SEED is not set. */
export const DEFAULT_FUZZ_SEED = 20_240_611;

/** FUZZ_SEED=<number> replays a run; FUZZ_SEED=random draws a new seed. */
export function fuzzSeed(given: string | undefined = process.env.FUZZ_SEED): number {
  if (given === "random") return Math.floor(Math.random() * 2 ** 31);
  if (given !== undefined && given !== "" && Number.isFinite(Number(given))) return Number(given) >>> 0;
  return DEFAULT_FUZZ_SEED;
}

/** How an input reaches the importers, as a user would give it: a file's extension, or "(pasted)". */
export function inputFormat(input: FuzzInput): string {
  if (input.pasted !== undefined || input.fileName === "(pasted)") return "(pasted)";
  return (/\.[^.]+$/.exec(input.fileName)?.[0] ?? "(none)").toLowerCase();
}

export interface SampleOptions {
  /** Generated (not hand-written) inputs taken from each category; categories made from fixtures or noise take one per format instead. */
  perCategory: number;
  /** Fewest inputs of each format (extension, or pasted text) in the sample. */
  perFormat: number;
  /** Inputs never to take (e.g. too slow for where the sample runs). */
  exclude?: (input: FuzzInput) => boolean;
}

function shuffled<T>(items: readonly T[], random: Random): T[] {
  const copy = [...items];
  for (let index = copy.length - 1; index > 0; index--) {
    const other = random.int(0, index);
    [copy[index], copy[other]] = [copy[other]!, copy[index]!];
  }
  return copy;
}

/**
 * A smaller, representative part of a corpus, the same for the same seed, for runs too slow for the whole corpus
 * (e.g. through the app in a browser):
 * - one hand-written input for each error code the hand-written inputs target (every limit and defence once);
 * - from fixture-truncated, fixture-mutated and random-bytes, one input per format;
 * - from every other category, `perCategory` generated inputs;
 * - then more inputs until every format has `perFormat`.
 * Kept in corpus order.
 */
export function sampleCorpus(corpus: readonly FuzzInput[], seed: number, options: SampleOptions): FuzzInput[] {
  const random = new Random((seed ^ 0x5a3c_96e1) >>> 0);
  const chosen = new Set<FuzzInput>();
  const allowed = corpus.filter((input) => !options.exclude?.(input));
  const take = (candidates: readonly FuzzInput[], count: number) => {
    for (const input of shuffled(
      candidates.filter((candidate) => !chosen.has(candidate)),
      random,
    ).slice(0, count))
      chosen.add(input);
  };

  const targeted = new Map<string, FuzzInput[]>();
  for (const input of allowed) if (input.expectCode) targeted.set(input.expectCode, [...(targeted.get(input.expectCode) ?? []), input]);
  for (const code of [...targeted.keys()].sort()) take(targeted.get(code)!, 1);

  const categories = [...new Set(allowed.map((input) => input.category))];
  const byFormat: FuzzCategory[] = ["fixture-truncated", "fixture-mutated", "random-bytes"];
  for (const category of categories) {
    const members = allowed.filter((input) => input.category === category);
    if (byFormat.includes(category)) {
      for (const format of [...new Set(members.map(inputFormat))].sort())
        take(
          members.filter((input) => inputFormat(input) === format),
          1,
        );
    } else {
      const generated = members.filter((input) => !input.expectCode && !input.build);
      take(generated.length > 0 ? generated : members, options.perCategory);
    }
  }

  for (const format of [...new Set(allowed.map(inputFormat))].sort()) {
    const have = [...chosen].filter((input) => inputFormat(input) === format).length;
    if (have < options.perFormat)
      take(
        allowed.filter((input) => inputFormat(input) === format && !input.build),
        options.perFormat - have,
      );
  }
  return corpus.filter((input) => chosen.has(input));
}
