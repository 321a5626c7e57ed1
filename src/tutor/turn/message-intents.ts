// What a learner's message asks of the tutor, read without a model (no-model mode), in the languages
// Primer has phrases for:
// - the answer, or the exercise done for them: met with why the tutor does not hand out answers (and
//   the open exercise again, with how to get a hint), rather than a course passage that happens to
//   share a word with it; asking about their own answer ("why is my answer wrong?") is not that;
// - help, because they are lost ("I don't understand"): met with a question about which part, rather
//   than being moved on to an exercise;
// - whether something is right ("is 4 the right answer?", "I think it's 4"): met with how to send it to be checked;
// - what to do next ("what should I learn next?"): met with the plan's next step and why, not a passage
//   that happens to say "learn";
// - how they are doing: met with how many of the course's skills they have mastered and which they are working on;
// - another exercise ("skip this one", "give me a different exercise"): met with the plan's next exercise, not the open one;
// - a hint ("give me a hint", "¿me das una pista?"): without a model, the open exercise's next rung, as /hint;
// - an example ("give me an example", "¿un ejemplo?"): without a model, a worked example of the lesson;
// - what the course is about: without a model, the teacher's description of it and its lessons;
// - going to a lesson ("let's go to the chain rule", "open backpropagation"): the tutor opens the lesson it
//   names (`lessonAskedFor`), with a model or without; without, the reply is the way through it.
import { sameWord, terms } from '../context/excerpt-chunk.js';

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
  // asking for it again in other words: without a model, which part to look at
  /\b(explain|say|put) (it|this|that)( once more| again| differently| another way| in another way| in other words| more simply)\b/i,
  /\b(expl[ií]ca(lo|me)?|dilo)( de nuevo| otra vez| de otra (manera|forma)| más simple)\b/i,
  /\b(explique|expliquez|redis)(-le|-moi|-la)? (autrement|encore|plus simplement|d'une autre (façon|manière))/i,
  /\b(explica|explique)( isso| de novo)? (de outro jeito|de outra (forma|maneira)|mais simples|de novo)\b/i,
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

// Asking whether it is right, or saying what one's answer is ("I think it's 4", "my answer is 2x").
const checkRequests: RegExp[] = [
  /\b(right|correct) answer\b|\b(is|am) (it|that|this|i) (right|correct)\b/i,
  /\bmy (answer|result) (is|would be)\b|\bi (think|guess|believe) (it'?s|it is|the answer is|the result is) -?\d|\bi (got|get|found) -?\d/i,
  /\brespuesta correcta|\b(est[áa]|es) (bien|correct[oa])|\bmi respuesta es\b|\bcreo que es -?\d/i,
  /\bbonne réponse|\bc'?est (juste|correct|bon)\b|\bma réponse est\b|\bj'?ai trouvé -?\d/i,
  /\bresposta (certa|correta)|\b(est[áa]|é) (certo|correto|certa|correta)\b|\bminha resposta é|\bacho que é -?\d/i,
  /\bjibu sahihi\b|\bni sahihi\b|\bjibu langu ni\b/i,
  /对吗|对不对|正确吗|我的答案是/,
  /सही (उत्तर|जवाब)|क्या (यह|ये) सही|मेरा (उत्तर|जवाब)/,
  /الإجابة الصحيحة|هل هذا صحيح|هل هذه صحيحة|إجابتي|جوابي/,
];

/** True when `text` asks whether an answer is right, or states one: it gets checked by sending it as the answer. */
export function asksToCheck(text: string): boolean {
  return saysOneOf(checkRequests, text);
}

const nextRequests: RegExp[] = [
  /\bwhat(?:'s| is| should i| do i| can i| shall we| should we)? (do |learn |study |read |try )?next\b|\bwhat now\b|\bwhere (do|should) i (go|start|continue) (now|from here)\b/i,
  /\bqu[ée] (hago|sigue|estudio|aprendo)( ahora| despu[ée]s)?\b|\by ahora qu[ée]\b/i,
  /\bque (dois-je|faut-il|faire) (faire |apprendre |étudier )?(ensuite|maintenant|après)\b|\bet maintenant\b/i,
  /\bo que (fa[çc]o|estudo|aprendo|vem)( agora| depois| a seguir)\b|\be agora\b/i,
  /\bnifanye nini (sasa|baadaye|kisha)\b|\bnini kinafuata\b|\bhatua inayofuata\b/i,
  /接下来(学|做)?什么|下一步(是什么|做什么|呢)|然后呢/,
  /आगे क्या|अब क्या (करूँ|करें|सीखूँ|सीखें)/,
  /ماذا (بعد|الآن)|ما التالي|ماذا أفعل الآن|ماذا أتعلم بعد/,
];

/** True when `text` asks what to do next: the progression policy's step and why. */
export function asksWhatNext(text: string): boolean {
  return saysOneOf(nextRequests, text);
}

const progressRequests: RegExp[] = [
  /\bhow (am i|'?m i|i'?m) doing\b|\bmy progress\b|\bhow far (am i|have i (got|gotten|come))\b|\bwhat (have i|did i) (learn(ed|t)?|master(ed)?)( so far)?\b/i,
  /\bc[óo]mo (voy|lo estoy haciendo)\b|\bmi progreso\b/i,
  /\bo[uù] j'?en suis\b|\bmes progr[eè]s\b|\bcomment je m'?en sors\b/i,
  /\bcomo (estou indo|eu estou indo|vou indo)\b|\bmeu progresso\b/i,
  /\bnaendeleaje\b|\bmaendeleo yangu\b/i,
  /我的进度|我学得怎么样|我(学)?到哪(了|里了)/,
  /मेरी प्रगति|मैं कैसा कर रहा|मैं कैसा कर रही|मैं कैसी कर रही/,
  /تقدمي|كيف أدائي|كيف مستواي/,
];

/** True when `text` asks how the learner is doing in the course. */
export function asksForProgress(text: string): boolean {
  return saysOneOf(progressRequests, text);
}

const anotherRequests: RegExp[] = [
  /\b(skip|pass on) (this|it|that)( one| exercise| problem| question)?\b|^skip\b|\b(another|a different|a new|the next)( practice)? (one|exercise|problem|question)\b/i,
  /\b(otro|otra|siguiente) (ejercicio|problema|pregunta)\b|\bsaltar(lo|la)?\b|\bs[aá]lta(lo|la|te)\b/i,
  /\b(un autre|une autre|un nouvel|un nouveau|une nouvelle) (exercice|problème|question)\b|\bl'exercice suivant\b|\bje passe\b|\bpasser (cet|cette|ce)\b/i,
  /\b(outro|outra|próximo|pr[oó]xima) (exerc[ií]cio|problema|pergunta|quest[aã]o)\b|\bpular (este|esse|essa|esta)?/i,
  /\bzoezi (jingine|lingine|linalofuata)\b|\bswali (jingine|lingine)\b|\bniruke\b|\bruka (hili|hii)\b/i,
  /换一(道|个|题)|下一(道|题)|跳过/,
  /(दूसरा|अगला|नया) (सवाल|प्रश्न|अभ्यास)|छोड़ (दो|दीजिए|दें)/,
  /(تمرين|سؤال) (آخر|جديد|تالي)|التمرين التالي|السؤال التالي|تخط(ّ)?ى|تجاوز (هذا|هذه)/,
];

/** True when `text` asks for another exercise than the open one. */
export function asksForAnother(text: string): boolean {
  return saysOneOf(anotherRequests, text);
}

const hintRequests: RegExp[] = [
  /\b(hint|clue|nudge)s?\b|\bhelp me (with|on) (this|it|the exercise)\b/i,
  /\bpistas?\b|\bay[uú]dame con (esto|el ejercicio)\b/i,
  /\bindices?\b|\bcoup de pouce\b|\baide-moi (pour|avec) (ça|cet exercice)\b/i,
  /\bdicas?\b|\bme ajud[ae] (com|nesse|neste|nisso)\b/i,
  /\b(ki)?dokezo\b|\bvidokezo\b/i,
  /提示|线索/,
  /संकेत|हिंट/,
  /تلميح|تلميحا/,
];

/** True when `text` asks for a hint on the open exercise. */
export function asksForHint(text: string): boolean {
  return saysOneOf(hintRequests, text);
}

const exampleRequests: RegExp[] = [
  /\b(an?|another|one more|some|more) (worked |concrete |simple )?examples?\b|\bexamples?,? please\b|^examples?\b|\bfor example\?$/i,
  /\b(un|otro|algún) ejemplo\b|\bejemplos?,? por favor\b/i,
  /\b(un|un autre|des) exemples?\b/i,
  /\b(um|outro|algum) exemplo\b|\bexemplos?,? por favor\b/i,
  /\bmfano\b|\bmifano\b/i,
  /例子|举个例|示例/,
  /उदाहरण/,
  /مثال|مثالا|أمثلة/,
];

/** True when `text` asks for an example. */
export function asksForExample(text: string): boolean {
  return saysOneOf(exampleRequests, text);
}

const courseRequests: RegExp[] = [
  /\bwhat(?:'s| is| does) (this|the) course (about|cover|teach)\b|\bwhat (will|do|can|am) i (going to )?learn( here| in this course)?\??$|\babout this course\b/i,
  /\bde qu[ée] (trata|va) (este|el) curso\b|\bqu[ée] (voy a|vamos a) aprender\b/i,
  /\bde quoi (parle|traite) (ce|le) cours\b|\bqu'?est-ce que (je vais|on va) apprendre\b/i,
  /\bsobre o que (é|trata) (este|esse|o) curso\b|\bo que (vou|vamos) aprender\b/i,
  /\bkozi hii (inahusu|ni kuhusu) nini\b|\bnitajifunza nini\b/i,
  /这门课(讲|是关于|学)什么|我会学到什么/,
  /यह (पाठ्यक्रम|कोर्स) किस (बारे|विषय)|मैं क्या सीखूँगा|मैं क्या सीखूंगा/,
  /(ما|عن ماذا) (موضوع )?(هذه )?الدورة|ماذا سأتعلم/,
];

/** True when `text` asks what the course is about. */
export function asksAboutCourse(text: string): boolean {
  return saysOneOf(courseRequests, text);
}

const moveRequests: RegExp[] = [
  // as a request, not "why does the derivative go to zero?"
  /^(please )?(go|move|jump|switch|skip|take me|bring me)( on| back| ahead| straight)? to\b|\b(can|could|shall|may) (we|i) (go|move|jump|switch|skip)( on| back| ahead| straight)? to\b|\blet(?:'s| us) (go|move|jump|switch|skip)( on| back| ahead| straight)? to\b|\b(take|bring) me to\b/i,
  /^(please )?(open|start|begin|show me)\b|\blet(?:'s| us) (do|study|learn|start|begin|try|look at)\b|\b(can|could|shall) we (do|study|learn|start|look at)\b|\bi (want|would like|'d like) to (do|study|learn|read|start)\b/i,
  /\b(ir|vamos|pasar|pasemos|volver|saltar) a\b|\b(abre|abrir|empezar|empecemos|mu[ée]strame|quiero (estudiar|aprender|leer))\b/i,
  /\b(aller|allons|passer|passons|revenir|retourner) (à|au|aux)\b|\b(ouvre|ouvrir|commencer|commençons|montre-moi|je veux (étudier|apprendre|lire))\b/i,
  /\b(ir|vamos|passar|voltar) (para|a|ao|à)\b|\b(abre|abrir|começar|comecemos|mostre|quero (estudar|aprender|ler))\b/i,
  /\b(twende|nenda|rudi|hamia) (kwa|kwenye)\b|\b(fungua|anza|nataka kujifunza)\b/i,
  /去|转到|跳到|回到|打开|开始学|我想学/,
  /(पर|में) (चलें|चलो|जाएँ|जाओ)|खोलो|खोलिए|शुरू (करें|करो)|सीखना चाहता|सीखना चाहती/,
  /انتقل إلى|اذهب إلى|لننتقل إلى|افتح|لنبدأ|أريد أن أتعلم/,
];

/** True when `text` asks to go somewhere ("let's go to the chain rule", "open backpropagation"); `lessonAskedFor` finds where. */
export function asksToGo(text: string): boolean {
  return saysOneOf(moveRequests, text);
}

/**
 * The lesson `text` asks to go to: it asks to go somewhere, and names the lesson by the largest share of its
 * title's words, at least half ("go to the chain rule", "open backprop"), with no other lesson named as well.
 */
export function lessonAskedFor<Lesson extends { title: string }>(text: string, lessons: readonly Lesson[]): Lesson | undefined {
  if (!asksToGo(text)) return undefined;
  const said = terms(text);
  const shares = lessons.map((lesson) => {
    const title = terms(lesson.title);
    return { lesson, share: title.length === 0 ? 0 : title.filter((word) => said.some((term) => sameWord(term, word))).length / title.length };
  });
  const best = Math.max(0, ...shares.map(({ share }) => share));
  const named = shares.filter(({ share }) => share === best);
  return best >= 0.5 && named.length === 1 ? named[0]!.lesson : undefined;
}

/** A message (not a command) that one of the patterns matches. */
function saysOneOf(patterns: RegExp[], text: string): boolean {
  const message = text.trim();
  return !message.startsWith('/') && patterns.some((pattern) => pattern.test(message));
}
