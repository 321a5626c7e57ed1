import { describe, expect, it } from 'vitest';
import { asksAboutCourse, asksForAnother, asksForExample, asksForHint, asksForProgress, asksForTheAnswer, asksToCheck, asksToGo, asksWhatNext, saysStuck } from './message-intents.js';

describe('asksForTheAnswer', () => {
  it.each([
    'What is the answer?',
    "what's the answer to this exercise",
    'Just tell me the answer please',
    'Can you solve it for me?',
    'solve this one',
    'give me the solution',
    'answer please',
    '¿Cuál es la respuesta?',
    'dame la solución',
    'resuélvelo tú',
    'Qual é a resposta?',
    'me diga a resposta',
    'Quelle est la réponse ?',
    'donne-moi la solution',
    'résous-le pour moi',
    'Nipe jibu tafadhali',
    'jibu ni nini?',
    '答案是什么？',
    '帮我做这道题',
    'उत्तर बताओ',
    'इसे हल करो',
    'ما هي الإجابة؟',
    'أعطني الحل',
  ])('reads "%s" as asking for the answer', (text) => {
    expect(asksForTheAnswer(text)).toBe(true);
  });

  it.each([
    'Why is my answer wrong?',
    'I think the answer is 4, is that right?',
    'How do I start this exercise?',
    'What does the derivative mean?',
    'I want to solve it myself, give me a hint',
    'How do I solve this?', // asks for the way, which the tutor gives
    'How do I do it?',
    '¿Por qué mi respuesta está mal?',
    'Pourquoi ma réponse est-elle fausse ?',
    '我的答案对吗？',
    '/answer 4',
    'Why do we need a limit at all?',
    'What is the result of the chain rule for sin(x^2)?', // a question about the subject
    '¿Cuál es el resultado de derivar x^2?',
  ])('does not read "%s" as asking for the answer', (text) => {
    expect(asksForTheAnswer(text)).toBe(false);
  });
});

describe('saysStuck', () => {
  it.each(["I don't understand", 'im lost', 'This makes no sense to me', 'No entiendo', 'Je ne comprends pas', 'Não entendi', 'Sielewi', '我看不懂', 'मुझे समझ नहीं आया', 'لا أفهم', 'Can you explain it differently?', 'say that again', 'Explícalo de otra manera', 'Explique-le autrement', 'Explica de outro jeito'])('reads "%s" as stuck', (text) => {
    expect(saysStuck(text)).toBe(true);
  });

  it.each(['I understand now, thanks', 'ok', 'What is a secant line?', 'Entiendo', 'next please'])('does not read "%s" as stuck', (text) => {
    expect(saysStuck(text)).toBe(false);
  });
});

describe('asksToCheck', () => {
  it.each(['Is 4 the right answer?', 'is that correct?', 'am I right?', '¿La respuesta correcta es 4?', "C'est juste ?", 'Está certo?', 'Je, ni sahihi?', '是4对吗？', 'क्या यह सही है?', 'هل هذا صحيح؟'])('reads "%s" as asking for a check', (text) => {
    expect(asksToCheck(text)).toBe(true);
  });

  it.each(['I think the answer is 4', "I think it's 4", 'my answer is 2x', 'I got 12', 'Mi respuesta es 4', "J'ai trouvé 4", 'Minha resposta é 4', 'Jibu langu ni 4', '我的答案是4', 'मेरा उत्तर 4 है', 'إجابتي هي 4'])('reads "%s" as an answer to check', (text) => {
    expect(asksToCheck(text)).toBe(true);
  });

  it.each(['What is a secant line?', 'How do I get the right slope?', '/answer 4', 'I got lost in step 2', 'I think the derivative is a slope'])('does not read "%s" as asking for a check', (text) => {
    expect(asksToCheck(text)).toBe(false);
  });
});

describe('asksWhatNext', () => {
  it.each(['What should I learn next?', "what's next", 'What do I do next?', 'what now?', '¿Qué hago ahora?', 'Et maintenant ?', 'O que faço agora?', 'Nifanye nini sasa?', '接下来学什么？', 'अब क्या करूँ?', 'ماذا بعد؟'])('reads "%s" as asking what to do next', (text) => {
    expect(asksWhatNext(text)).toBe(true);
  });

  it.each(['What happens next in the backward pass?', 'What is the next step of the chain rule?', 'next please', 'Which node comes next?'])('does not read "%s" as asking what to do next', (text) => {
    expect(asksWhatNext(text)).toBe(false);
  });
});

describe('asksForProgress', () => {
  it.each(['How am I doing?', 'show me my progress', 'What have I learned so far?', '¿Cómo voy?', "Où j'en suis ?", 'Como estou indo?', 'Naendeleaje?', '我的进度怎么样？', 'मेरी प्रगति क्या है?', 'كيف أدائي؟'])('reads "%s" as asking for progress', (text) => {
    expect(asksForProgress(text)).toBe(true);
  });

  it.each(['How is the gradient doing its job?', 'How do I make progress on this exercise?', 'What does the network learn?'])('does not read "%s" as asking for progress', (text) => {
    expect(asksForProgress(text)).toBe(false);
  });
});

describe('asksForAnother', () => {
  it.each(['Skip this one', 'skip', 'Can I have another exercise?', 'give me a different problem', 'Can I have another practice problem?', 'Otro ejercicio, por favor', "Un autre exercice s'il vous plaît", 'Quero outro exercício', 'Nipe zoezi jingine', '换一道题', 'दूसरा सवाल दो', 'أعطني تمرين آخر'])('reads "%s" as asking for another exercise', (text) => {
    expect(asksForAnother(text)).toBe(true);
  });

  it.each(['Can you give me another example?', 'Why does the chain rule skip nothing?', 'Un autre exemple ?', 'What is the next step?', 'I want to finish this one first'])('does not read "%s" as asking for another exercise', (text) => {
    expect(asksForAnother(text)).toBe(false);
  });
});

describe('asksToGo', () => {
  it.each(['Can we go to the chain rule?', "Let's look at backpropagation", 'let us look at backprop', 'Open computation graphs', 'I want to learn about gradients', 'Vamos a la regla de la cadena', 'Passons aux graphes', 'Vamos para a regra da cadeia', 'Twende kwenye gradients', '去链式法则', 'चेन रूल पर चलें', 'انتقل إلى قاعدة السلسلة'])('reads "%s" as asking to go somewhere', (text) => {
    expect(asksToGo(text)).toBe(true);
  });

  it.each(['What is the chain rule?', 'Why does the gradient go to zero?', 'Why does the derivative go to zero as h shrinks?', 'How does the limit work?', 'Where does the chain rule start?', '/lesson chain-rule'])('does not read "%s" as asking to go somewhere', (text) => {
    expect(asksToGo(text)).toBe(false);
  });
});

describe('asksForHint', () => {
  it.each(['Give me a hint', 'I need a hint please', 'can I get a clue?', 'another hint', 'help me with this', '¿Me das una pista?', 'Un indice ?', 'Me dá uma dica', 'Nipe kidokezo', '给我一个提示', 'एक संकेत दो', 'أعطني تلميحا'])('reads "%s" as asking for a hint', (text) => {
    expect(asksForHint(text)).toBe(true);
  });

  it.each(['I want to solve it myself', 'What is a tangent?', 'Help me understand the chain rule', '/hint'])('does not read "%s" as asking for a hint', (text) => {
    expect(asksForHint(text)).toBe(false);
  });
});

describe('asksForExample', () => {
  it.each(['Give me an example', 'another example please', 'Can you show me an example of the chain rule?', 'example?', '¿Un ejemplo?', 'Un exemple ?', 'Dá um exemplo', 'Nipe mfano', '举个例子', 'एक उदाहरण दो', 'أعطني مثالا'])('reads "%s" as asking for an example', (text) => {
    expect(asksForExample(text)).toBe(true);
  });

  it.each(['What does the worked example show?', 'In the example, why is h small?', 'What is a limit?'])('does not read "%s" as asking for an example', (text) => {
    expect(asksForExample(text)).toBe(false);
  });
});

describe('asksAboutCourse', () => {
  it.each(['What is this course about?', "what's the course about", 'What will I learn?', '¿De qué trata este curso?', 'De quoi parle ce cours ?', 'Sobre o que é este curso?', 'Kozi hii inahusu nini?', '这门课讲什么？', 'यह कोर्स किस बारे में है?', 'عن ماذا هذه الدورة؟'])('reads "%s" as asking what the course is about', (text) => {
    expect(asksAboutCourse(text)).toBe(true);
  });

  it.each(['What will I learn next?', 'What is the chain rule about?', 'What does the lesson say about limits?'])('does not read "%s" as asking what the course is about', (text) => {
    expect(asksAboutCourse(text)).toBe(false);
  });
});
