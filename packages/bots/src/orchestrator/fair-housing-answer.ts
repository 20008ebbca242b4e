import { evaluateText, type CompiledTextRule } from '../compliance/text-rule-engine';
import { DEFAULT_COMPLIANCE_NOTES } from '../compliance/text-rule';

const PROTECTED =
  /\b(white|black|hispanic|latinos?|latinas?|asians?|mexicans?|indians?|arabs?|christians?|jewish|jews|muslims?|catholics?|mosques?|churches|synagogues?|immigrants?|foreigners|gays?|lesbians?|trans(gender)?|disabled|wheelchair people|seniors only|adults only|no kids|(young )?famil(y|ies) with (young )?kids|kids around|ethnic|ethnicity|race|racial|religio(n|us)|diverse|diversity|demographics?|what kind of (people|neighbors)|who lives)\b/;
const SAFETY = /\b(safe|safety|crime|criminal|dangerous|sketchy|bad area|rough)\b/;
const SCHOOLS = /\bschools?\b|\bschool district\b/;
/** Cheap pre-check: words without which none of the rules or patterns can match. */
const CUES =
  /safe|crime|danger|sketch|rough|school|famil|kid|child|white|black|brown|hispanic|latin|asian|mexic|indian|arab|christ|jew|muslim|cathol|church|mosque|synagog|immigra|foreign|gay|lesbian|trans|disab|wheelchair|senior|adult|ethnic|race|racial|religio|divers|demograph|people|neighbo|who lives|crowd|resident|exclusive|upscale|single|married|couple|young|elderly|retire/i;

/**
 * A compliant answer to a lead's question about who lives in an area, its safety or its schools (the classic
 * fair-housing bait, e.g. "is it a safe area, mostly white families?"): the bot never characterises areas by
 * residents or safety and points to official data instead. `undefined` when the message asks nothing of the sort.
 *
 * @internal
 */
export function fairHousingAnswer(
  text: string,
  rules: readonly CompiledTextRule[],
): string | undefined {
  if (!CUES.test(text)) return undefined;
  const lower = text.toLowerCase().replace(/[’']/g, "'");
  const ids = evaluateText(text, rules, DEFAULT_COMPLIANCE_NOTES).findings.map(
    (finding) => finding.ruleId,
  );
  const asksPeople =
    ids.some(
      (id) =>
        id === 'fair_housing.preference' ||
        id === 'fair_housing.demographics' ||
        id === 'fair_housing.steering.familial',
    ) || PROTECTED.test(lower);
  const asksSafety = ids.includes('fair_housing.steering.safety') || SAFETY.test(lower);
  const asksSchools =
    ids.includes('fair_housing.steering.schools') ||
    (SCHOOLS.test(lower) && /\?|\b(good|best|great|rated|how are)\b/.test(lower));
  if (!asksPeople && !asksSafety && !asksSchools) return undefined;
  const parts: string[] = [];
  if (asksPeople) {
    parts.push(
      "Fair housing laws mean I don't describe areas by who lives there, and I'm happy to help you compare homes, prices and commutes anywhere you like.",
    );
  }
  if (asksSafety)
    parts.push(`I can't say whether an area is safe or unsafe. ${DEFAULT_COMPLIANCE_NOTES.safety}`);
  if (asksSchools) parts.push(DEFAULT_COMPLIANCE_NOTES.schools);
  return parts.join(' ');
}
