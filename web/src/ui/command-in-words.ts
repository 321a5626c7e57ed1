// What a learner's chat command stands for, for the learner's chat and the teacher's conversations.

/**
 * A learner's `/answer …` (typed, or sent by an exercise card) and `/hint` as the words they stand for;
 * other text as it is. A multi-line answer (code) shows as a code block.
 */
export function commandInWords(text: string, t: (key: string, values?: Record<string, string>) => string): string {
  if (text.trim() === '/hint') return t('learner:chat.askedHint');
  const answer = /^\/answer\s+([\s\S]*)$/.exec(text)?.[1];
  if (answer === undefined) return text;
  return answer.includes('\n') ? `${t('learner:chat.myAnswer', { answer: '' }).trim()}\n\n\`\`\`\n${answer}\n\`\`\`` : t('learner:chat.myAnswer', { answer });
}
