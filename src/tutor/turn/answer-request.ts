// Does a learner's message ask the tutor for the answer (or to solve the exercise for them)? Used in
// no-model mode, where no model reads the message: such a request is met with why the tutor does not
// hand out answers (and the open exercise again, with how to get a hint), rather than a course passage
// that happens to share a word ("solve") with it. Requests as learners write them in the languages
// Primer has phrases for; asking about their own answer ("why is my answer wrong?") is not one.

const requests: RegExp[] = [
  // English
  /\b(tell|give|show|send) me (the|your) (right |correct |final )?(answer|solution)s?\b/i,
  /\bwhat(?:'s| is| are) the (right |correct )?(answer|solution)s?\b|\bwhat(?:'s| is) the final result\b/i,
  /\b(solve|do|work out|finish) (it|this|that|this one|the exercise|this exercise|the problem) for me\b/i,
  /^(please |just |can you |could you |would you )?(solve|work out|finish) (it|this|that|this one|the exercise|this exercise|the problem)\b(?! myself)/i,
  /\bjust (the )?(answer|solution)\b/i,
  /\b(the )?(answer|solution),? (please|pls)\b/i,
  // Spanish, Portuguese
  /\b(dime|dame|muéstrame|enséñame|dígame|deme) (la )?(respuesta|solución)/i,
  /\bcu[aá]l es (la )?(respuesta|soluci[oó]n)( correcta| final)?\b/i,
  /\bresu[eé]lve(lo|me|melo)?\b|\bresuelve (esto|el ejercicio)\b/i,
  /\b(me )?(diga|diz|dá|dê|mostre|mostra|fala)( me| pra mim)? a (resposta|solução)\b/i,
  /\bqual (é )?a (resposta|solução)( certa| correta| final)?\b/i,
  /\bresolv[ae] (isso|isto|para mim|pra mim|o exercício)\b/i,
  // French
  /\b(donne|dis|montre|donnez|dites|montrez)[- ]moi la (bonne )?(réponse|solution)\b/i,
  /\bquelle est la (bonne )?(réponse|solution)\b/i,
  /\b(résous|résolvez|fais|faites)[- ](le|la|ça|cet exercice)( pour moi)?\b/i,
  // Swahili
  /\b(nipe|niambie|nionyeshe) (jibu|majibu|suluhisho)\b/i,
  /\bjibu (ni nini|sahihi ni lipi|lake ni)\b/i,
  /\bnitatulie\b/i,
  // Chinese
  /(?<!我的)答案|告诉我解法|帮我(做|解|算)/,
  // Hindi
  /(उत्तर|जवाब|हल)\s*(बताओ|बताइए|बता दो|बता दीजिए|क्या है|दो|दीजिए|दे दो)/,
  /(हल|सॉल्व)\s*(करो|कर दो|कीजिए|कर दीजिए)/,
  // Arabic
  /(ما|ما هي|ما هو|أعطني|اعطني|قل لي|أخبرني|اخبرني)\s+(الإجابة|الاجابة|الجواب|الحل)/,
  /حل(ّ)?\s*(لي|التمرين|هذا)/,
];

/** True when `text` asks for the answer or the solution of an exercise, or for the exercise to be done for the learner. */
export function asksForTheAnswer(text: string): boolean {
  const message = text.trim();
  if (message.startsWith('/')) return false;
  return requests.some((pattern) => pattern.test(message));
}
