// Relays one streamed model reply to the learner sentence by sentence, each checked by the output
// guard before it is flushed. The first sentences are held until there is enough text to check the
// reply's language. Stops at the first leak (the sentence is dropped) or a wrong language (nothing
// was shown), so the caller can ask for a rephrasing.
import type { TextStreamPart, ToolSet } from 'ai';
import { isWrongLanguage } from '../../i18n/index.js';
import type { LeakVerdict, SentenceSplitter } from '../guard/index.js';

export interface RelayOptions {
  stream: AsyncIterable<TextStreamPart<ToolSet>>;
  check: (sentence: string) => LeakVerdict;
  splitter: SentenceSplitter;
  emitText: (text: string) => void;
  emitToolResult: (tool: string, output: unknown) => void;
  /** Check the reply's language against this one before the first flush; undefined: do not check. */
  language?: string;
  /** Stop the model call (the caller's AbortController). */
  stop: () => void;
}

export interface RelayOutcome {
  shown: string;
  stopped?: 'leak' | 'wrong-language' | 'error';
  evidence?: string;
  error?: string;
  usage: { input: number; output: number };
  invalidToolCall: boolean;
}

const languageSample = 60; // characters held before the language check

export async function relayGuardedReply(options: RelayOptions): Promise<RelayOutcome> {
  const outcome: RelayOutcome = { shown: '', usage: { input: 0, output: 0 }, invalidToolCall: false };
  let held: string[] = [];
  let languageChecked = options.language === undefined;

  const flush = (sentences: string[]) => {
    for (const sentence of sentences) {
      outcome.shown += sentence;
      options.emitText(sentence);
    }
  };
  /** Checks sentences; returns false when the relay must stop. */
  const accept = (sentences: string[], final: boolean): boolean => {
    for (const sentence of sentences) {
      const verdict = options.check(sentence);
      if (verdict.leak) {
        outcome.stopped = 'leak';
        if (verdict.evidence !== undefined) outcome.evidence = verdict.evidence;
        if (!languageChecked && held.length > 0) languageChecked = !isWrongLanguage(held.join(''), options.language!);
        if (languageChecked) flush(held);
        held = [];
        return false;
      }
      held.push(sentence);
    }
    if (!languageChecked && (final || held.join('').length >= languageSample)) {
      languageChecked = true;
      if (isWrongLanguage(held.join(''), options.language!)) {
        outcome.stopped = 'wrong-language';
        held = [];
        return false;
      }
    }
    if (languageChecked) {
      flush(held);
      held = [];
    }
    return true;
  };

  try {
    for await (const part of options.stream) {
      if (part.type === 'text-delta') {
        if (!accept(options.splitter.push(part.text), false)) break;
      } else if (part.type === 'tool-result') {
        options.emitToolResult(part.toolName, part.output);
      } else if (part.type === 'tool-error') {
        outcome.invalidToolCall = true;
      } else if (part.type === 'finish-step') {
        outcome.usage.input += part.usage.inputTokens ?? 0;
        outcome.usage.output += part.usage.outputTokens ?? 0;
      } else if (part.type === 'error') {
        outcome.stopped = 'error';
        outcome.error = part.error instanceof Error ? part.error.message : String(part.error);
        break;
      }
    }
  } catch (error) {
    outcome.stopped = 'error';
    outcome.error = error instanceof Error ? error.message : String(error);
  }
  if (outcome.stopped) {
    options.stop();
    if (outcome.stopped === 'error') accept(options.splitter.end(), true);
    return outcome;
  }
  accept(options.splitter.end(), true);
  return outcome;
}
