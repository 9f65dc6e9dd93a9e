/**
 * The acknowledgements module's public entry (.dependency-cruiser.cjs): requests of document
 * versions, acknowledging them, coverage per department, reminders, and the to-do entries.
 */
/** The one rule for when people are asked again: access rights and own policies follow it too. */
export { acknowledgementRenewal, holdsCurrentAcknowledgement, personRenewal } from './acknowledgement-renewal.ts';
