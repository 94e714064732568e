// Shown at once to a client who answers a safety item as unsafe. A practice
// can replace it with its own local numbers (Practice.crisisResources).
export const DEFAULT_CRISIS_RESOURCES = `If you are in danger right now, call your local emergency number (911 in the US and Canada, 999 in the UK, 112 in the EU, 000 in Australia).

If you feel afraid of or unsafe with your partner, you deserve support. In the US you can call or text the National Domestic Violence Hotline: 1-800-799-7233, or text START to 88788. In the UK, the National Domestic Abuse Helpline is 0808 2000 247 (free, 24 hours).

If you are thinking about harming yourself, call or text 988 in the US, or call Samaritans on 116 123 in the UK and Ireland.

Your therapist will see that you answered this way. Working on trust never means putting up with harm.`;

export function crisisResourcesText(practiceText: string | null | undefined): string {
  return practiceText?.trim() ? practiceText : DEFAULT_CRISIS_RESOURCES;
}
