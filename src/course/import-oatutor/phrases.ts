// The few sentences the importer writes itself, in the course's language (English otherwise).

const phrases = {
  en: {
    genericHintChoice: 'Rule out the choices you can show are wrong, then check the one that is left against the question.',
    genericHint: 'Write down what the question gives you and what it asks for, then work towards it one step at a time.',
    giveExpression: (name: string) => `Give the expression for $${name}$ (what comes after $${name} =$).`,
    giveValue: (name: string) => `Give the value of $${name}$.`,
    workThrough: (id: string) => `*Work through it as exercise \`${id}\`.*`,
    lessonIntro: (course: string) => `The problems of this lesson come from the OATutor course "${course}". Each step of a problem is an exercise of this lesson, with the hints OATutor gives.`,
    noProblems: 'No problems of this lesson could be imported.',
    step: (n: number) => `Step ${n}.`,
    units: 'Units',
  },
  sv: {
    genericHintChoice: 'Stryk de alternativ du kan visa är fel och pröva sedan det som återstår mot frågan.',
    genericHint: 'Skriv upp vad uppgiften ger dig och vad den frågar efter, och arbeta dig dit ett steg i taget.',
    giveExpression: (name: string) => `Ange uttrycket för $${name}$ (det som står efter $${name} =$).`,
    giveValue: (name: string) => `Ange värdet av $${name}$.`,
    workThrough: (id: string) => `*Arbeta igenom den som övning \`${id}\`.*`,
    lessonIntro: (course: string) => `Uppgifterna i den här lektionen kommer från OATutor-kursen "${course}". Varje steg i en uppgift är en övning i lektionen, med OATutors ledtrådar.`,
    noProblems: 'Inga uppgifter i den här lektionen kunde importeras.',
    step: (n: number) => `Steg ${n}.`,
    units: 'Enhet',
  },
};

export type Phrases = (typeof phrases)['en'];

export function phrasesFor(language: string): Phrases {
  return language.split('-')[0] === 'sv' ? phrases.sv : phrases.en;
}
