// What a learner's message asks of the tutor, read without a model (no-model mode), in the languages
// Primer has phrases for:
// - the answer, or the exercise done for them: met with why the tutor does not hand out answers (and
//   the open exercise again, with how to get a hint), rather than a course passage that happens to
//   share a word with it; asking about their own answer ("why is my answer wrong?") is not that;
// - help, because they are lost ("I don't understand"): met with a question about which part, rather
//   than being moved on to an exercise;
// - whether something is right ("is 4 the right answer?"): met with how to send it to be checked.

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
  return saysOneOf(requests, text);
}

const stuck: RegExp[] = [
  /\b(don'?t|do not|didn'?t|did not) (understand|get it|get this|get that|follow)\b|\b(i'?m|i am) (confused|lost|stuck)\b|\bmakes no sense\b|\bno idea\b/i,
  /\bno (lo )?(entiendo|comprendo|entend[íi])|\bestoy (confundid[oa]|perdid[oa])/i,
  /\bje (ne )?(comprends|pige) (rien|pas)|\bj'?ai (pas|rien) compris|\bje suis (perdu|perdue|confus|confuse)\b/i,
  /\bn[ãa]o (entendi|entendo|compreendo|compreendi)|\bestou (confus[oa]|perdid[oa])/i,
  /\b(sielewi|sijaelewa|sikuelewa)\b/i,
  /不懂|不明白|没懂|不理解|看不懂/,
  /समझ\s*(में)?\s*(नहीं|नही)|मुझे समझ नहीं/,
  /لا أفهم|لم أفهم|لا افهم|لم افهم/,
];

/** True when `text` says the learner does not understand (without saying what: the caller checks for content words). */
export function saysStuck(text: string): boolean {
  return saysOneOf(stuck, text);
}

const checkRequests: RegExp[] = [
  /\b(right|correct) answer\b|\b(is|am) (it|that|this|i) (right|correct)\b/i,
  /\brespuesta correcta|\b(est[áa]|es) (bien|correct[oa])/i,
  /\bbonne réponse|\bc'?est (juste|correct|bon)\b/i,
  /\bresposta (certa|correta)|\b(est[áa]|é) (certo|correto|certa|correta)\b/i,
  /\bjibu sahihi\b|\bni sahihi\b/i,
  /对吗|对不对|正确吗/,
  /सही (उत्तर|जवाब)|क्या (यह|ये) सही/,
  /الإجابة الصحيحة|هل هذا صحيح|هل هذه صحيحة/,
];

/** True when `text` asks whether an answer is right: it gets checked by sending it as the answer. */
export function asksToCheck(text: string): boolean {
  return saysOneOf(checkRequests, text);
}

/** A message (not a command) that one of the patterns matches. */
function saysOneOf(patterns: RegExp[], text: string): boolean {
  const message = text.trim();
  return !message.startsWith('/') && patterns.some((pattern) => pattern.test(message));
}
