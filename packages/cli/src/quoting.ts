// User input quoted in the CLI's messages: capped, so a message stays one short line whatever was typed.

/** The most characters of a value a message quotes. */
export const QUOTED_MAX = 60;

/** `raw` as a JSON string for a message: one line, at most QUOTED_MAX characters of it, and its length when cut. */
export function quoted(raw: string, max = QUOTED_MAX): string {
  return raw.length <= max
    ? JSON.stringify(raw)
    : `${JSON.stringify(`${raw.slice(0, max)}…`)} (${raw.length} characters)`;
}

/** Arguments quoted for a message: the first few, each capped. */
export function quotedList(args: readonly string[]): string {
  const shown = args.slice(0, 3).map((a) => quoted(a));
  return args.length > 3 ? `${shown.join(' ')} and ${args.length - 3} more` : shown.join(' ');
}

/** A library's message (node's parseArgs) with each word longer than a flag or path should be cut: such a word is what was typed. */
export function capWords(message: string): string {
  return message.replace(/\S{81,}/g, (word) => `${word.slice(0, QUOTED_MAX)}… (${word.length} characters)`);
}
