// Prints the INSERT of British and American spelling pairs that
// db/migrations/0005_search_names_and_spellings.sql holds. Run once; the output is committed.
//
// The words come from SCOWL (Spell Checker Oriented Word Lists, Kevin Atkinson, release
// 2020.12.07) as Debian ships them: `apt-get install wbritish wamerican` puts
// /usr/share/dict/british-english and /usr/share/dict/american-english in place. SCOWL's
// licence allows copying and modifying its lists and "the output created from the scripts"
// with its copyright notice, which the migration carries.
//
// A pair is a British word and the American word one or two of the rules below make of it,
// when both are in their country's list and at least one of them is not in the other country's
// (so "four" and "for", both everyday words on both sides, are not a pair).
import fs from 'node:fs';
import { parseArgs } from 'node:util';

const { values } = parseArgs({
  options: {
    british: { type: 'string', default: '/usr/share/dict/british-english' },
    american: { type: 'string', default: '/usr/share/dict/american-english' },
  },
});

function readList(file: string): Set<string> {
  return new Set(
    fs
      .readFileSync(file, 'utf8')
      .split('\n')
      .filter((word) => /^[a-z]+$/.test(word)),
  );
}

// British spelling → American, applied at one place in a word or at every place.
const rules: [string, string][] = [
  ['our', 'or'], // colour, labour, behaviour
  ['is', 'iz'], // organise, realisation
  ['ys', 'yz'], // analyse, paralyse
  ['ence', 'ense'], // defence, offence, pretence
  ['re', 'er'], // centre, fibre, litre
  ['ogue', 'og'], // catalogue, dialogue
  ['ll', 'l'], // travelled, counsellor, modelling
  ['l', 'll'], // fulfil, enrol, skilful
  ['ae', 'e'], // paediatric, anaemia, archaeology
  ['oe', 'e'], // oestrogen, diarrhoea, manoeuvre
];

// What the rules make of these are other words, not other spellings (prise open, a prize).
const notPairs = new Set(['mantoes mantes', 'patinae patine', 'snowshoed snowshed']);
const notBritishStems = ['prise', 'prising', 'apprise', 'appris'];

// Pairs no rule above makes, each in the lists, each a spelling a policy text meets.
const irregular: [string, string][] = [
  ['aluminium', 'aluminum'],
  ['artefact', 'artifact'],
  ['cosy', 'cozy'],
  ['enquire', 'inquire'],
  ['enquiry', 'inquiry'],
  ['focussed', 'focused'],
  ['focussing', 'focusing'],
  ['grey', 'gray'],
  ['jewellery', 'jewelry'],
  ['judgement', 'judgment'],
  ['licence', 'license'],
  ['metre', 'meter'],
  ['mould', 'mold'],
  ['moult', 'molt'],
  ['plough', 'plow'],
  ['practise', 'practice'],
  ['programme', 'program'],
  ['pyjamas', 'pajamas'],
  ['sceptic', 'skeptic'],
  ['sceptical', 'skeptical'],
  ['scepticism', 'skepticism'],
  ['smoulder', 'smolder'],
  ['sulphur', 'sulfur'],
];

function variants(word: string): string[] {
  const out: string[] = [];
  for (const [from, to] of rules) {
    for (let at = word.indexOf(from); at !== -1; at = word.indexOf(from, at + 1)) {
      out.push(word.slice(0, at) + to + word.slice(at + from.length));
    }
    if (word.includes(from)) out.push(word.replaceAll(from, to));
  }
  return out;
}

const british = readList(values.british);
const american = readList(values.american);
const pairs = new Set<string>();
for (const word of british) {
  if (notBritishStems.some((stem) => word.startsWith(stem))) continue;
  const candidates = new Set(variants(word).flatMap((once) => [once, ...variants(once)]));
  for (const candidate of candidates) {
    if (!american.has(candidate)) continue;
    if (american.has(word) && british.has(candidate)) continue;
    const pair = `${word} ${candidate}`;
    if (!notPairs.has(pair)) pairs.add(pair);
  }
}
for (const [word, candidate] of irregular) {
  if (!british.has(word) || !american.has(candidate)) {
    throw new Error(`${word} / ${candidate} is not in the word lists`);
  }
  pairs.add(`${word} ${candidate}`);
}

const rows = [...pairs].sort().map((pair) => {
  const [word, candidate] = pair.split(' ');
  return `('${word}', '${candidate}')`;
});
// Inflections share their lexemes (colours/colors are colour/color again), and many pairs are
// one lexeme to the stemmer already (travelled/traveled): the table keeps one pair per pair of
// lexemes, and none that the stemmer already joins.
console.log(`INSERT INTO "spelling_variants" ("british", "american")
SELECT DISTINCT ON (plainto_tsquery('english', british), plainto_tsquery('english', american))
  british, american
FROM (VALUES
${rows.join(',\n')}
) AS pairs (british, american)
WHERE numnode(plainto_tsquery('english', british)) = 1
  AND numnode(plainto_tsquery('english', american)) = 1
  AND plainto_tsquery('english', british) <> plainto_tsquery('english', american)
ORDER BY plainto_tsquery('english', british), plainto_tsquery('english', american),
  char_length(british), british;`);
console.error(`${rows.length} pairs of words`);
