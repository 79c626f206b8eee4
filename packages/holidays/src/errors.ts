/** Errors of @isp/holidays: plain readonly objects with a `type` tag, the offending `field` and a `message`. */
export type HolidaysError =
  | { readonly type: 'UnknownCountry'; readonly field: 'country'; readonly message: string }
  | { readonly type: 'UnknownState'; readonly field: 'state'; readonly message: string }
  | { readonly type: 'UnknownRegion'; readonly field: 'region'; readonly message: string }
  | { readonly type: 'InvalidDate'; readonly field: string; readonly message: string }
  | { readonly type: 'InvalidInput'; readonly field: string; readonly message: string };

export const unknownCountry = (country: string): HolidaysError =>
  Object.freeze({
    type: 'UnknownCountry',
    field: 'country',
    message: `no holiday data for country ${JSON.stringify(country)}`,
  });

export const unknownState = (country: string, state: string): HolidaysError =>
  Object.freeze({
    type: 'UnknownState',
    field: 'state',
    message: `no holiday data for state ${JSON.stringify(state)} of ${country}`,
  });

export const unknownRegion = (country: string, state: string, region: string): HolidaysError =>
  Object.freeze({
    type: 'UnknownRegion',
    field: 'region',
    message: `no holiday data for region ${JSON.stringify(region)} of ${country}-${state}`,
  });

export const invalidDate = (field: string, message: string): HolidaysError =>
  Object.freeze({ type: 'InvalidDate', field, message });

export const invalidInput = (field: string, message: string): HolidaysError =>
  Object.freeze({ type: 'InvalidInput', field, message });
