// The sixteen German federal states by their ISO 3166-2 suffix; each has its own public holidays.
export { FEDERAL_STATES, type FederalState } from '../../contract/shared.ts';
