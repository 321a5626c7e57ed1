// Slash commands a learner may type instead of pressing a button. The terminal chat and the web
// chat read a line the same way, so the help the tutor gives ("answer with /answer …") is true in both.
import type { TurnAction } from './turn-types.js';

export const learnerCommandList = '/lesson <id>, /exercise <id>, /answer <text>, /hint, /lang <code>';

/** A learner message, a command with its action, or why the command cannot be read. `//text` is a message. */
export function parseLearnerCommand(line: string): { text: string; action?: TurnAction } | { error: string } {
  const text = line.trim();
  const command = text.split(/\s+/, 1)[0] ?? '';
  const argument = text.slice(command.length).trim(); // as written: an answer in code keeps its lines and indentation
  switch (command) {
    case '/lesson':
      return argument ? { text, action: { type: 'lesson', lesson: argument } } : { error: 'usage: /lesson <lesson id>' };
    case '/exercise':
      return argument ? { text, action: { type: 'exercise', exercise: argument } } : { error: 'usage: /exercise <exercise id>' };
    case '/answer':
      return argument ? { text, action: { type: 'answer', answer: argument } } : { error: 'usage: /answer <your answer>' };
    case '/hint':
      return { text, action: { type: 'hint' } };
    case '/lang':
      return /^[a-z]{2,3}(-[A-Za-z0-9]+)*$/.test(argument) ? { text, action: { type: 'language', language: argument } } : { error: 'usage: /lang <language code>, e.g. /lang es' };
    default:
      return text.startsWith('/') && !text.startsWith('//') ? { error: `unknown command ${command}; try /lesson, /exercise, /answer, /hint or /lang` } : { text };
  }
}
