// The order fields an import column can fill and the header names that find
// them, including the published import templates of OptimoRoute (Location Name,
// Time Window From/To, Duration, Load 1–5, Priority L/M/H/C), Circuit (Address
// Line 1/2, City, State, Zip, Time at Stop, Recipient Name/Phone, Earliest/Latest
// Time, Package Count), Onfleet (Address_Line1…, Complete After/Before, Task
// Details, Quantity, Service Time), Routific (Visit Name, Start/End, Load) and
// Route4Me (Alias, Time Window Start/End, Service Time, Weight/Cube/Pieces).
import type { FieldDef } from './column-map';

/** Address parts joined, in this order, into the order's address. */
export const ADDRESS_PARTS = ['address', 'addressLine1', 'addressLine2', 'city', 'state', 'zip', 'country'] as const;

/**
 * An address from its parts (`part` gives a part's text, or nothing): "12 Main St, Apt 4, Portland, OR, 97201". A
 * house number in a column of its own ("Straße" | "Hausnummer", "Straat" | "Huisnummer") follows its street with a
 * space, "Hauptstraße 5", as those countries write it; with no street it leads.
 */
export function joinAddress(part: (key: (typeof ADDRESS_PARTS)[number] | 'houseNumber') => string | undefined): string {
  const number = part('houseNumber');
  const parts = ADDRESS_PARTS.map((key) => [key, part(key)] as const).filter((p): p is readonly [(typeof ADDRESS_PARTS)[number], string] => p[1] !== undefined && p[1] !== '');
  if (number) {
    const street = parts.findIndex(([key]) => key === 'address' || key === 'addressLine1');
    if (street >= 0) return parts.map(([, text], i) => (i === street ? `${text} ${number}` : text)).join(', ');
    return [number, ...parts.map(([, text]) => text)].join(', ');
  }
  return parts.map(([, text]) => text).join(', ');
}

/** Order fields; capacity amounts are added per unit by `fieldsFor`. */
/** Headers of a window's start and end in columns of their own (the pickup's, with "pickup" in front). */
const WINDOW_START_WORDS = ['window start', 'start', 'from', 'earliest', 'earliest time', 'time from', 'window from', 'tw start', 'ready time', 'open', 'opens', 'earliest arrival', 'debut', 'start time', 'time window from', 'time window 1 from', 'time window start', 'time window 1 start', 'complete after', 'not before', 'after'];
const WINDOW_END_WORDS = ['window end', 'end', 'to', 'until', 'latest', 'latest time', 'time to', 'window to', 'tw end', 'due time', 'close', 'closes', 'latest arrival', 'fin', 'end time', 'time window to', 'time window 1 to', 'time window end', 'time window 1 end', 'complete before', 'not after', 'before'];

export const ORDER_FIELDS: FieldDef[] = [
  {
    key: 'id', label: 'Order id', format: 'text',
    synonyms: ['order id', 'id', 'order', 'ref', 'reference', 'order ref', 'order reference', 'order number', 'order no', 'order nr', 'number', 'no', 'commande', 'job id', 'shipment id', 'task id', 'seller order id', 'order code',
      'consignment', 'consignment no', 'consignment number', 'consignment note', 'con note', 'connote', 'tracking number', 'tracking no', 'tracking id',
      'waybill', 'waybill number', 'docket', 'docket no', 'docket number', 'job number', 'job no', 'booking ref', 'booking number', 'delivery number', 'delivery no',
      'stop id', 'visit id', 'delivery id', 'drop id', 'task number'],
  },
  {
    key: 'customerName', label: 'Customer name', format: 'text',
    synonyms: ['customer', 'customer name', 'name', 'client', 'client name', 'recipient', 'recipient name', 'consignee', 'contact', 'contact name', 'nom', 'location name', 'visit name', 'alias', 'stop name', 'company', 'first name', 'firstname', 'given name', 'shipping first name', 'recipient first name', 'customer first name',
      'receiver', 'receiver name', 'addressee', 'deliver to', 'ship to name', 'customer full name'],
  },
  // Shop exports and address books split the name ("First Name" | "Last Name"): joined after the customer name.
  {
    key: 'customerLastName', label: 'Customer last name', format: 'text',
    synonyms: ['last name', 'lastname', 'surname', 'family name', 'shipping last name', 'recipient last name', 'customer last name'],
  },
  { key: 'address', label: 'Address', format: 'text', synonyms: ['address', 'street', 'street name', 'street address', 'addr', 'delivery address', 'location', 'adresse', 'full address', 'destination', 'address 1 2', 'address 1 and 2'] },
  // The number of the house on its street, in a column of its own: joined to the street (joinAddress).
  { key: 'houseNumber', label: 'House number', format: 'text', synonyms: ['house number', 'house no', 'house nr', 'house num', 'street number', 'street no', 'building number', 'civic number'] },
  { key: 'addressLine1', label: 'Address line 1', format: 'text', synonyms: ['address line 1', 'address 1', 'address line1', 'address1', 'street line 1', 'line 1', 'street 1'] },
  { key: 'addressLine2', label: 'Address line 2', format: 'text', synonyms: ['address line 2', 'address 2', 'address line2', 'address2', 'street line 2', 'line 2', 'street 2', 'apartment', 'suite', 'unit'] },
  { key: 'city', label: 'City', format: 'text', synonyms: ['city', 'town', 'city town', 'town city', 'ville', 'locality', 'suburb'] },
  { key: 'state', label: 'State / province', format: 'text', synonyms: ['state', 'province', 'state province', 'region', 'county'] },
  { key: 'zip', label: 'Zip / postal code', format: 'text', synonyms: ['zip', 'zip code', 'zipcode', 'postal code', 'postcode', 'post code', 'code postal', 'plz'] },
  { key: 'country', label: 'Country', format: 'text', synonyms: ['country', 'country region', 'pays'] },
  { key: 'lat', label: 'Latitude', format: 'number', synonyms: ['lat', 'latitude', 'y', 'lat deg', 'breite', 'geo lat', 'location latitude'] },
  { key: 'lng', label: 'Longitude', format: 'number', synonyms: ['lng', 'lon', 'long', 'longitude', 'x', 'lng deg', 'lon deg', 'laenge', 'geo lng', 'geo lon', 'location longitude'] },
  // Both in one cell, "45.76, 4.84" (a map's copied point): "Lat/Lng" is this, not the longitude.
  {
    key: 'coordinates', label: 'Coordinates ("lat, lng")', format: 'text',
    synonyms: ['coordinates', 'coords', 'gps', 'gps coordinates', 'lat lng', 'lat long', 'lat lon', 'latlng', 'latlong', 'latitude longitude', 'lat and lng', 'location lat lng', 'geo', 'geolocation', 'geo coordinates'],
  },
  {
    key: 'windowStart', label: 'Window start', format: 'time', synonyms: WINDOW_START_WORDS,
  },
  {
    key: 'windowEnd', label: 'Window end', format: 'time', synonyms: WINDOW_END_WORDS,
  },
  { key: 'window2Start', label: 'Second window start', format: 'time', synonyms: ['time window 2 from', 'time window 2 start', 'window 2 start', 'window 2 from', 'tw2 start'] },
  { key: 'window2End', label: 'Second window end', format: 'time', synonyms: ['time window 2 to', 'time window 2 end', 'window 2 end', 'window 2 to', 'tw2 end'] },
  // The day the order is to be delivered: a row for another day than the scenario's waits, it is not planned today.
  { key: 'date', label: 'Delivery date', format: 'text', synonyms: ['date', 'delivery date', 'scheduled date', 'planned date', 'service date', 'route date', 'delivery day', 'date of delivery', 'due date'] },
  { key: 'window', label: 'Window ("10:00-12:00")', format: 'window', synonyms: ['window', 'time window', 'time windows', 'windows', 'slot', 'delivery slot', 'tw', 'creneau',
    // An order form's question ("Preferred delivery time": "Morning (8-12)").
    'time slot', 'timeslot', 'delivery time slot', 'delivery timeslot', 'preferred delivery time', 'preferred time', 'preferred slot', 'booking slot',
    // A business's hours it receives deliveries in.
    'opening hours', 'business hours', 'receiving hours', 'delivery hours', 'open hours'] },
  {
    key: 'serviceMinutes', label: 'Service minutes', format: 'duration',
    synonyms: ['service minutes', 'service', 'service time', 'service duration', 'duration', 'duration min', 'minutes', 'stop time', 'handling time', 'service min', 'duree', 'time at stop', 'time at location', 'stop duration',
      'unload time', 'unloading time', 'time on site', 'on site time', 'dwell time', 'dwell', 'stop minutes', 'drop time', 'drop duration'],
    // "Serviço (min)", "Servicio (min)", "Servizio (min)", "Dienst (min)": the service's minutes.
    withTimeUnit: ['servico', 'servicio', 'servizio', 'tempo servizio', 'tempo servico', 'dienst', 'stop', 'parada', 'paragem', 'sosta', 'arret', 'drop', 'on site', 'onsite', 'unload', 'unloading'],
  },
  { key: 'skills', label: 'Required skills', format: 'list', synonyms: ['skills', 'skill', 'required skills', 'skills required', 'driver skills', 'competences', 'required types'] },
  { key: 'features', label: 'Required vehicle features', format: 'list', synonyms: ['vehicle features', 'features', 'required features', 'equipment', 'required equipment', 'vehicle feature'] },
  { key: 'crewSize', label: 'Crew size', format: 'number', synonyms: ['crew size', 'crew', 'people', 'persons', 'workers', 'team size'] },
  { key: 'serviceType', label: 'Service type', format: 'text', synonyms: ['service type', 'type', 'delivery type', 'service level', 'level', 'prestation', 'order type', 'task type'] },
  { key: 'priority', label: 'Priority', format: 'priority', synonyms: ['priority', 'prio', 'importance', 'priorite'] },
  {
    key: 'notes', label: 'Notes', format: 'text',
    synonyms: ['notes', 'note', 'comment', 'comments', 'instructions', 'delivery instructions', 'remarks', 'remarques', 'task details', 'details', 'recipient notes', 'driver notes', 'special instructions', 'customer note', 'customer notes', 'order note', 'order notes', 'delivery note'],
  },
  { key: 'latenessMax', label: 'Late allowed (minutes)', format: 'duration', synonyms: ['late max minutes', 'lateness max', 'max lateness', 'late allowance', 'lateness minutes', 'late minutes allowed', 'max late', 'max late min', 'max late minutes', 'late allowed', 'max delay', 'max delay min'] },
  { key: 'latenessCost', label: 'Late cost per minute', format: 'number', synonyms: ['late cost per minute', 'lateness cost', 'late cost', 'lateness cost per minute', 'late penalty', 'lateness penalty', 'late penalty per minute', 'lateness penalty per minute', 'late cost per hour', 'lateness cost per hour', 'late penalty per hour', 'lateness penalty per hour'] },
  { key: 'failedOrderId', label: 'Re-delivery of order', format: 'text', synonyms: ['failed order id', 'failed order', 'repeats order', 'original order', 'original order id'] },
  // Whether the row is a pickup or a delivery, beside its service type ("Stop: Pickup", Onfleet's "Pickup: TRUE"): a
  // pickup alone is collected and carried back; with its delivery row, one shipment (shipment-pairs.ts).
  { key: 'stopSide', label: 'Pickup or delivery', format: 'text', synonyms: ['pickup or delivery', 'pickup delivery', 'delivery or pickup', 'delivery pickup', 'p d', 'stop side', 'is pickup', 'pickup task', 'pickup flag', 'is collection'] },
  { key: 'pickupAddress', label: 'Pickup address', format: 'text', synonyms: ['pickup address', 'pickup location', 'collect from', 'pickup from'] },
  { key: 'pickupLat', label: 'Pickup latitude', format: 'number', synonyms: ['pickup lat', 'pickup latitude'] },
  { key: 'pickupLng', label: 'Pickup longitude', format: 'number', synonyms: ['pickup lng', 'pickup lon', 'pickup long', 'pickup longitude'] },
  { key: 'pickupWindows', label: 'Pickup windows', format: 'window', synonyms: ['pickup windows', 'pickup window', 'pickup time window', 'pickup time windows'] },
  // The pickup's window in two columns, as a planner's template writes it ("Pickup time window from", "… to"); "Pickup
  // from" is where, not when (the pickup address).
  { key: 'pickupWindowStart', label: 'Pickup window start', format: 'time', synonyms: WINDOW_START_WORDS.filter((w) => w !== 'from').map((w) => `pickup ${w}`) },
  { key: 'pickupWindowEnd', label: 'Pickup window end', format: 'time', synonyms: WINDOW_END_WORDS.filter((w) => w !== 'to').map((w) => `pickup ${w}`) },
  { key: 'pickupServiceMinutes', label: 'Pickup service minutes', format: 'duration', synonyms: ['pickup service minutes', 'pickup duration', 'pickup service time', 'pickup minutes'] },
  { key: 'phone', label: 'Phone', format: 'text', synonyms: ['phone', 'telephone', 'tel', 'mobile', 'phone number', 'cell', 'recipient phone', 'customer phone', 'contact phone', 'sms', 'contact number', 'telephone number', 'mobile number', 'phone no', 'shipping phone'] },
  { key: 'email', label: 'Email', format: 'text', synonyms: ['email', 'e mail', 'mail', 'email address', 'recipient email', 'customer email', 'contact email'] },
];
