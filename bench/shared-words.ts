// Why: the words every generated pack keeps as they are: English function
// words and the general vocabulary any UPSC notes pack uses. They appear in
// all 100 packs, so the common-word searches walk hits in every pack.
const FUNCTION_WORDS = `a about above after again against all also an and any are as at be because been before being below between both but by
can could did do does during each either few for from had has have he her here him his how i if in into is it its just more most
neither no nor not now of off on once one only or other our out over own same she should since so some such than that the their
them then there these they this those through to too two three four five six seven eight nine ten under until up upon very was we
were what when where which while who whom why will with within without would yet first second third last next new old many much
given following consider correct statements statement above below true false which`

const GENERAL_WORDS = `india indian government minister ministers ministry ministerial foreign defence security military trade economic economy
agreement agreements treaty pact deal dialogue summit meeting talks visit cooperation partnership partner partners strategic
relations ties policy president prime country countries nation national international bilateral multilateral joint annual year
years month day date source sources report reference fact facts signed held agreed support supports list round format state
states world global region regional power energy oil gas nuclear arms weapons equipment technology investment billion million
per cent growth development council committee parliament constitution court law act rights people public issue issues
january february march april may june july august september october november december`

/** Lower-case; kept unchanged in every generated pack. */
export const SHARED_WORDS: ReadonlySet<string> = new Set(`${FUNCTION_WORDS} ${GENERAL_WORDS}`.split(/\s+/).filter(Boolean))

/** Shared words a student would type; each is checked to occur in the source pack before use. */
export const COMMON_QUERIES = [
  'india',
  'defence',
  'dialogue',
  'cooperation',
  'security',
  'military',
  'agreement',
  'foreign minister',
  'strategic partnership',
  'summit',
  'trade',
  'signed'
]
