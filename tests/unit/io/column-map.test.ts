// Column matching and cell reading: headers that differ from the built-in names
// still find their fields; times, numbers, windows and service types are read
// the way people type them; unreadable values say why.
import { describe, expect, it } from 'vitest';
import {
  autoMatch, detectCoordinatePairs, detectFlagColumns, detectNameParts, detectShiftColumns, detectVanColumn, detectTimeFormat, detectWindowPairs, fieldsFor, normalizeHeader, parseClock, parseNumber, parseServiceType, parseTime, parseWindows,
} from '../../../web/src/io/column-map';
import { decimalCommaFile, parseDuration, parsePriority, parseYesNo } from '../../../web/src/io/cell-parse';

const UNITS = ['kg', 'items'];

describe('autoMatch', () => {
  it('matches synonyms case-, accent- and spacing-insensitively; unknown columns stay custom fields', () => {
    const headers = ['Ref.', 'Client', 'Street address', 'Latitude (WGS84)', 'Longitude (WGS84)', 'From', 'Until', 'Stop time (min)', 'Poids (kg)', 'Pièces', 'Level', 'Prio', 'Remarks', 'Tel.', 'E-Mail', 'Floor', ''];
    expect(autoMatch(headers, fieldsFor('orders', UNITS))).toEqual([
      'id', 'customerName', 'address', 'lat', 'lng', 'windowStart', 'windowEnd', 'serviceMinutes', 'amount:0', 'amount:1',
      'serviceType', 'priority', 'notes', 'phone', 'email', 'extra', 'ignore',
    ]);
  });

  it('knows the short forms: y/x, lon, long, weight kg, volume m3, pieces', () => {
    const fields = fieldsFor('orders', ['kg', 'm3', 'pieces']);
    expect(autoMatch(['Y', 'X', 'weight kg', 'Volume (m³)', 'PCS'], fields)).toEqual(['lat', 'lng', 'amount:0', 'amount:1', 'amount:2']);
    expect(autoMatch(['order_number', 'LONG', 'LAT', 'earliest', 'latest', 'duration'], fields)).toEqual(['id', 'lng', 'lat', 'windowStart', 'windowEnd', 'serviceMinutes']);
  });

  it('gives each field one column and leaves ambiguous partial matches alone', () => {
    const fields = fieldsFor('orders', UNITS);
    expect(autoMatch(['lat', 'latitude'], fields)).toEqual(['lat', 'extra']);
    expect(autoMatch(['Service start'], fields)).toEqual(['extra']);
  });

  it('matches vehicle columns including capacity per unit', () => {
    expect(autoMatch(['Vehicle', 'Driver', 'Capacity kg', 'Capacity items', 'Shift start', 'Shift end'], fieldsFor('vehicles', UNITS)))
      .toEqual(['id', 'name', 'capacity:0', 'capacity:1', 'shiftStart', 'shiftEnd']);
  });

  it('takes a header "Truck" alone as the vehicle id, and not the first word of "Truck type" or "Truck capacity"', () => {
    const fields = fieldsFor('vehicles', UNITS);
    expect(autoMatch(['Truck', 'Driver', 'Capacity (lbs)'], fields)).toEqual(['id', 'name', 'capacity:0']);
    expect(autoMatch(['Truck type', 'Truck capacity', 'Truck number'], fields)).toEqual(['type', 'capacity:0', 'id']);
  });

  it('reads a shipment file\'s columns for their side: collection and pickup columns are the pickup, delivery and dropoff ones the order', () => {
    const fields = fieldsFor('orders', UNITS);
    expect(autoMatch(['Job Ref', 'Customer', 'Collection Address', 'Collection Lat', 'Collection Lng', 'Collection Window', 'Delivery Address', 'Delivery Lat', 'Delivery Lng', 'Delivery Window', 'Weight (kg)'], fields))
      .toEqual(['id', 'customerName', 'pickupAddress', 'pickupLat', 'pickupLng', 'pickupWindows', 'address', 'lat', 'lng', 'window', 'amount:0']);
    // The pickup's name is no customer name; the dropoff's is.
    expect(autoMatch(['Order ID', 'Pickup Name', 'Pickup Latitude', 'Pickup Longitude', 'Dropoff Name', 'Dropoff Latitude', 'Dropoff Longitude', 'Dropoff Time Window'], fields))
      .toEqual(['id', 'extra', 'pickupLat', 'pickupLng', 'customerName', 'lat', 'lng', 'window']);
    // Collected and delivered amounts of one stop (a haul-away).
    expect(autoMatch(['Reference', 'Latitude', 'Longitude', 'Collection (kg)', 'Delivery (kg)', 'Unload time', 'Delivery date'], fields))
      .toEqual(['id', 'lat', 'lng', 'pickupAmount:0', 'amount:0', 'serviceMinutes', 'date']);
    // A returns file: its orders are where they are collected.
    expect(autoMatch(['Return Ref', 'Collection Address', 'Collection Lat', 'Collection Lng', 'Collection Window'], fields))
      .toEqual(['id', 'address', 'lat', 'lng', 'window']);
    // A planner's template: the pickup's window in two columns, as the delivery's is.
    expect(autoMatch(['Order ID', 'Pickup Address', 'Pickup Latitude', 'Pickup Longitude', 'Pickup Time Window From', 'Pickup Time Window To', 'Pickup Duration', 'Delivery Address', 'Delivery Latitude', 'Delivery Longitude', 'Delivery Time Window From', 'Delivery Time Window To'], fields))
      .toEqual(['id', 'pickupAddress', 'pickupLat', 'pickupLng', 'pickupWindowStart', 'pickupWindowEnd', 'pickupServiceMinutes', 'address', 'lat', 'lng', 'windowStart', 'windowEnd']);
    // A trip's places named from and to: the goods go from the pickup to the order's place. "From" and "To" alone are a window.
    expect(autoMatch(['ID', 'From address', 'From lat', 'From lng', 'To address', 'To lat', 'To lng'], fields)).toEqual(['id', 'pickupAddress', 'pickupLat', 'pickupLng', 'address', 'lat', 'lng']);
    expect(autoMatch(['ID', 'From', 'To', 'Lat', 'Lng'], fields)).toEqual(['id', 'windowStart', 'windowEnd', 'lat', 'lng']);
    // Fleet files have no pickup side.
    expect(autoMatch(['Vehicle', 'Delivery capacity'], fieldsFor('vehicles', UNITS))).toEqual(['id', 'capacity:0']);
  });

  it('reads the side where a local header names it: after the field in Spanish, Italian, Portuguese and French, in front in German and Dutch', () => {
    const fields = fieldsFor('orders', UNITS);
    expect(autoMatch(['Nº pedido', 'Cliente', 'Dirección de recogida', 'Lat. recogida', 'Lon. recogida', 'Dirección de entrega', 'Latitud entrega', 'Longitud entrega', 'Franja horaria'], fields))
      .toEqual(['id', 'customerName', 'pickupAddress', 'pickupLat', 'pickupLng', 'address', 'lat', 'lng', 'window']);
    expect(autoMatch(['Ordine', 'Indirizzo di ritiro', 'Latitudine ritiro', 'Longitudine ritiro', 'Indirizzo di consegna', 'Latitudine consegna', 'Longitudine consegna'], fields))
      .toEqual(['id', 'pickupAddress', 'pickupLat', 'pickupLng', 'address', 'lat', 'lng']);
    expect(autoMatch(['Encomenda', 'Morada de recolha', 'Latitude recolha', 'Longitude recolha', 'Morada de entrega', 'Latitude', 'Longitude'], fields))
      .toEqual(['id', 'pickupAddress', 'pickupLat', 'pickupLng', 'address', 'lat', 'lng']);
    expect(autoMatch(['N° commande', "Adresse d'enlèvement", "Latitude d'enlèvement", "Longitude d'enlèvement", 'Latitude de livraison', 'Longitude de livraison', 'Créneau de livraison'], fields))
      .toEqual(['id', 'pickupAddress', 'pickupLat', 'pickupLng', 'lat', 'lng', 'window']);
    expect(autoMatch(['Auftrag', 'Abholadresse', 'Abholadresse Breite', 'Lieferadresse', 'Lieferadresse Breite'], fields))
      .toEqual(['id', 'pickupAddress', 'pickupLat', 'address', 'lat']);
    expect(autoMatch(['Order', 'Ophaaladres', 'Ophaal lat', 'Ophaal lon', 'Afleveradres'], fields)).toEqual(['id', 'pickupAddress', 'pickupLat', 'pickupLng', 'address']);
    // The pickup's other columns are no order's: its name is no customer, its window no delivery window.
    expect(autoMatch(['Pedido', 'Nombre de recogida', 'Dirección', 'Franja de recogida', 'Tipo de entrega', 'Notas de entrega', 'Fecha de entrega'], fields))
      .toEqual(['id', 'extra', 'address', 'pickupWindows', 'serviceType', 'notes', 'date']);
    // A returns file: the collection address is where its orders are.
    expect(autoMatch(['Pedido', 'Dirección de recogida', 'Lat. recogida', 'Lon. recogida'], fields)).toEqual(['id', 'address', 'lat', 'lng']);
    // "Länge" beside the pickup's "Breite" is the pickup's longitude.
    const headers = ['Auftrag', 'Abholadresse Breite', 'Abholadresse Länge', 'Lieferadresse Breite', 'Lieferadresse Länge'];
    expect(detectCoordinatePairs(headers, [['1', '51,30', '12,31', '51,34', '12,37']], autoMatch(headers, fields))).toEqual(['id', 'pickupLat', 'pickupLng', 'lat', 'lng']);
  });

  it('reads a shop export\'s shipping columns as the delivery and leaves its billing address alone', () => {
    const fields = fieldsFor('orders', UNITS);
    // Shopify: the billing address comes first; "Name" is the order's, "Shipping Name" the recipient.
    expect(autoMatch(['Name', 'Email', 'Lineitem quantity', 'Billing Name', 'Billing Address1', 'Billing City', 'Billing Zip', 'Shipping Name', 'Shipping Address1', 'Shipping Address2', 'Shipping City', 'Shipping Zip', 'Shipping Phone', 'Id'], fields))
      .toEqual(['extra', 'email', 'amount:1', 'extra', 'extra', 'extra', 'extra', 'customerName', 'addressLine1', 'addressLine2', 'city', 'zip', 'phone', 'id']);
    // WooCommerce: the side at the end; the only phone and email are the billing ones.
    expect(autoMatch(['Order Number', 'First Name (Billing)', 'Address 1&2 (Billing)', 'City (Billing)', 'First Name (Shipping)', 'Last Name (Shipping)', 'Address 1&2 (Shipping)', 'City (Shipping)', 'Postcode (Shipping)', 'Phone (Billing)', 'Email (Billing)'], fields))
      .toEqual(['id', 'extra', 'extra', 'extra', 'customerName', 'customerLastName', 'address', 'city', 'zip', 'phone', 'email']);
    // Only a billing address: it is where the orders go.
    expect(autoMatch(['Order', 'Billing Address', 'Billing City'], fields)).toEqual(['id', 'address', 'city']);
  });

  it('knows an order form\'s questions: the preferred time, the number of boxes', () => {
    expect(autoMatch(['Timestamp', 'Email Address', 'Full name', 'Delivery address', 'Preferred delivery time', 'Number of boxes'], fieldsFor('orders', UNITS)))
      .toEqual(['extra', 'email', 'customerName', 'address', 'window', 'amount:1']);
    expect(autoMatch(['Order', 'Time slot', 'No. of parcels'], fieldsFor('orders', UNITS))).toEqual(['id', 'window', 'amount:1']);
  });

  it('knows a fleet file\'s shift and break in Spanish, Italian, Portuguese and Dutch', () => {
    const vehicles = fieldsFor('vehicles', UNITS);
    expect(autoMatch(['Matrícula', 'Conductor', 'Inicio de turno', 'Fin de turno', 'Descanso'], vehicles)).toEqual(['id', 'name', 'shiftStart', 'shiftEnd', 'breaks']);
    expect(autoMatch(['Targa', 'Inizio del turno', 'Fine del turno', 'Pausa pranzo'], vehicles)).toEqual(['id', 'shiftStart', 'shiftEnd', 'breaks']);
    expect(autoMatch(['Matrícula', 'Fim de turno', 'Pausa'], vehicles)).toEqual(['id', 'shiftEnd', 'breaks']);
    expect(autoMatch(['Kenteken', 'Pauze'], vehicles)).toEqual(['id', 'breaks']);
  });

  it('knows "Demand" on orders, "Payload" and an hourly wage on a fleet', () => {
    expect(autoMatch(['ID', 'Lat', 'Long', 'TW Start', 'TW End', 'Service (min)', 'Demand'], fieldsFor('orders', UNITS)))
      .toEqual(['id', 'lat', 'lng', 'windowStart', 'windowEnd', 'serviceMinutes', 'amount:0']);
    expect(autoMatch(['Reg', 'Driver', 'Payload kg', 'Cost/km', 'Cost/hr'], fieldsFor('vehicles', UNITS))).toEqual(['id', 'name', 'capacity:0', 'perKmCost', 'perHourCost']);
    expect(autoMatch(['Vehicle', 'Payload', 'Hourly Wage'], fieldsFor('vehicles', UNITS))).toEqual(['id', 'capacity:0', 'perHourCost']);
  });

  it('knows a courier\'s consignment sheet and a fleet\'s "Max kg" / "Max cartons"', () => {
    expect(autoMatch(['Consignment No', 'Receiver', 'Street', 'Suburb', 'Postcode', 'Latitude', 'Longitude', 'Cartons', 'Kg', 'Delivery Window', 'ATL'], fieldsFor('orders', UNITS)))
      .toEqual(['id', 'customerName', 'address', 'city', 'zip', 'lat', 'lng', 'amount:1', 'amount:0', 'window', 'extra']);
    expect(autoMatch(['Stop ID', 'Stop Name', 'Address', 'Service Time'], fieldsFor('orders', UNITS))).toEqual(['id', 'customerName', 'address', 'serviceMinutes']);
    const fleet = ['Van', 'Driver', 'Max Kg', 'Max Cartons', 'Start', 'Finish'];
    const rows = [['V1', 'Ana', '1200', '120', '08:00', '18:00']];
    const fields = fieldsFor('vehicles', UNITS);
    const matched = detectShiftColumns(fleet, rows, autoMatch(fleet, fields), fields);
    expect(matched).toEqual(['extra', 'name', 'capacity:0', 'capacity:1', 'shiftStart', 'shiftEnd']);
    // "Van" names the van in an English sheet; holding clock times it is a Dutch "from", and it is left alone.
    expect(detectVanColumn(fleet, rows, matched)).toEqual(['id', 'name', 'capacity:0', 'capacity:1', 'shiftStart', 'shiftEnd']);
    expect(detectVanColumn(['Voertuig', 'Van', 'Tot'], [['V1', '08:00', '17:00']], ['id', 'extra', 'extra'])).toEqual(['id', 'extra', 'extra']);
    expect(detectVanColumn(['Van', 'Tot'], [['08:00', '17:00']], ['extra', 'extra'])).toEqual(['extra', 'extra']);
  });

  it('knows the usual headers of Spanish, Italian, Portuguese, German and Dutch spreadsheets', () => {
    const orders = fieldsFor('orders', UNITS);
    expect(autoMatch(['Nº Pedido', 'Cliente', 'Dirección', 'Código postal', 'Latitud', 'Longitud', 'Desde', 'Hasta', 'Minutos', 'Peso (kg)', 'Bultos', 'Habilidades', 'Teléfono', 'Observaciones'], orders)).toEqual([
      'id', 'customerName', 'address', 'zip', 'lat', 'lng', 'windowStart', 'windowEnd', 'serviceMinutes', 'amount:0', 'amount:1', 'skills', 'phone', 'notes',
    ]);
    expect(autoMatch(['Auftragsnummer', 'Kunde', 'Straße', 'PLZ', 'Ort', 'Breitengrad', 'Längengrad', 'Von', 'Bis', 'Dauer', 'Gewicht kg', 'Priorität', 'Bemerkung'], orders)).toEqual([
      'id', 'customerName', 'address', 'zip', 'city', 'lat', 'lng', 'windowStart', 'windowEnd', 'serviceMinutes', 'amount:0', 'priority', 'notes',
    ]);
    expect(autoMatch(['Ordine', 'Indirizzo', 'CAP', 'Città', 'Fascia oraria', 'Durata', 'Peso', 'Cellulare', 'Note'], orders)).toEqual([
      'id', 'address', 'zip', 'city', 'window', 'serviceMinutes', 'amount:0', 'phone', 'notes',
    ]);
    expect(autoMatch(['Klant', 'Adres', 'Plaats', 'Tijdvak', 'Telefoon', 'Opmerkingen', 'Encomenda', 'Endereço'], orders)).toEqual([
      'customerName', 'address', 'city', 'window', 'phone', 'notes', 'id', 'extra',
    ]);
    expect(autoMatch(['Matrícula', 'Conductor', 'Inicio turno', 'Fin turno', 'Capacidad kg', 'Capacidad bultos', 'Habilidades', 'Coste por km'], fieldsFor('vehicles', UNITS))).toEqual([
      'id', 'name', 'shiftStart', 'shiftEnd', 'capacity:0', 'capacity:1', 'crewSkills', 'perKmCost',
    ]);
    // An English "Van" column stays what it is in an English file: no Dutch "van" (from) in the lists.
    expect(autoMatch(['Van', 'Fine'], orders)).toEqual(['extra', 'extra']);
  });

  it('reads a service duration from a header with its unit, and a fleet\'s bare start and end words as its shift', () => {
    const orders = fieldsFor('orders', UNITS);
    // A Portuguese orders file of a new-user walk: "Serviço (min)" was kept without a rule, every stop given the default minutes.
    expect(autoMatch(['Encomenda', 'Cliente', 'Latitude', 'Longitude', 'Janela início', 'Janela fim', 'Serviço (min)', 'Peso (kg)', 'Observações'], orders)).toEqual([
      'id', 'customerName', 'lat', 'lng', 'windowStart', 'windowEnd', 'serviceMinutes', 'amount:0', 'notes',
    ]);
    for (const header of [
      'Servicio (min)', 'Servizio (minuti)', 'Service time (minutes)', 'Standzeit (Min.)', 'Temps de service (min)', 'Dienst (min)', 'Stop (min)',
      'Drop Time (mins)', 'On-site (min)', 'Lostijd (min)', 'Entladezeit', 'Tiempo de descarga',
    ]) {
      expect(autoMatch(['Id', header], orders), header).toEqual(['id', 'serviceMinutes']);
    }
    // Without a unit "Serviço" may be the kind of service: not taken as minutes. A unit alone makes nothing a duration.
    expect(autoMatch(['Id', 'Serviço', 'Servicio'], orders)).toEqual(['id', 'extra', 'extra']);
    for (const header of ['Lieferart', 'Zustellart', 'Tipo de entrega', 'Tipo consegna', 'Leveringstype']) expect(autoMatch(['Id', header], orders), header).toEqual(['id', 'serviceType']);
    expect(autoMatch(['Id', 'Priority (min)', 'Late (min)'], orders)).toEqual(['id', 'priority', 'extra']);
    const fleet = fieldsFor('vehicles', UNITS);
    expect(autoMatch(['Matrícula', 'Motorista', 'Início', 'Fim', 'Capacidade (kg)', 'Custo por km'], fleet)).toEqual(['id', 'name', 'shiftStart', 'shiftEnd', 'capacity:0', 'perKmCost']);
    expect(autoMatch(['Kennzeichen', 'Beginn', 'Ende'], fleet)).toEqual(['id', 'shiftStart', 'shiftEnd']);
    // Whole headers only: a start address is no shift start.
    expect(autoMatch(['Id', 'Dirección inicio'], fleet)).toEqual(['id', 'extra']);
  });

  it('reads neighbouring "Dalle" | "Alle", "Van" | "Tot", "De" | "Até" columns of clock times as a window, and nothing else', () => {
    const orders = fieldsFor('orders', UNITS);
    const pairs = (headers: string[], rows: string[][]) => detectWindowPairs(headers, rows, autoMatch(headers, orders));
    const italian = ['Ordine', 'Cliente', 'Peso (kg)', 'Dalle', 'Alle', 'Note'];
    expect(autoMatch(italian, orders)).toEqual(['id', 'customerName', 'amount:0', 'extra', 'extra', 'notes']);
    expect(pairs(italian, [['1', 'A', '3', '09:00', '12:00', ''], ['2', 'B', '4', '', '', 'x'], ['3', 'C', '5', '14:00', '17:30', '']]))
      .toEqual(['id', 'customerName', 'amount:0', 'windowStart', 'windowEnd', 'notes']);
    expect(pairs(['Klant', 'Van', 'Tot'], [['A', '8:00', '10:30']])).toEqual(['customerName', 'windowStart', 'windowEnd']);
    expect(pairs(['Cliente', 'De', 'Até'], [['A', '8h30', '10h00']])).toEqual(['customerName', 'windowStart', 'windowEnd']);
    expect(pairs(['Ordine', 'Inizio', 'Fine'], [['1', '8:00', '10:30']])).toEqual(['id', 'windowStart', 'windowEnd']);
    expect(pairs(['Ordine', 'Orario da', 'Orario a'], [['1', '8:00', '10:30']])).toEqual(['id', 'windowStart', 'windowEnd']);
    expect(pairs(['Klant', 'Tijdvak begin', 'Tijdvak eind'], [['A', '8:00', '10:30']])).toEqual(['customerName', 'windowStart', 'windowEnd']);
    expect(pairs(['Job', 'ETA start', 'ETA end'], [['1', '8:00', '10:30']])).toEqual(['extra', 'windowStart', 'windowEnd']);
    // An Italian "Fine" over amounts is no window's end.
    expect(pairs(['Ordine', 'Inizio', 'Fine'], [['1', '8:00', '12,50 €']])).toEqual(['id', 'windowStart', 'extra']);
    // One bound matched already (a synonym), its partner a pair word.
    expect(pairs(['Cliente', 'Desde', 'A'], [['A', '08:00', '10:00']])).toEqual(['customerName', 'windowStart', 'windowEnd']);
    // Not times, not side by side, or a window already matched: left as they were.
    expect(pairs(['Customer', 'Van', 'Tot'], [['A', 'Ford Transit', 'Lyon']])).toEqual(['customerName', 'extra', 'extra']);
    expect(pairs(['Dalle', 'Cliente', 'Alle'], [['09:00', 'A', '12:00']])).toEqual(['extra', 'customerName', 'extra']);
    expect(pairs(['Ora inizio', 'Ora fine', 'Dalle', 'Alle'], [['08:00', '18:00', '09:00', '12:00']])).toEqual(['windowStart', 'windowEnd', 'extra', 'extra']);
    expect(pairs(['Dalle', 'Alle'], [['', '']])).toEqual(['extra', 'extra']);
  });

  it('reads "Länge" beside "Breite" (and "Breedte" beside "Lengtegraad") as the other coordinate, and nothing else', () => {
    const orders = fieldsFor('orders', UNITS);
    const pairs = (headers: string[], rows: string[][]) => detectCoordinatePairs(headers, rows, autoMatch(headers, orders));
    expect(autoMatch(['Auftrag', 'Breite', 'Länge'], orders)).toEqual(['id', 'lat', 'extra']);
    expect(pairs(['Auftrag', 'Breite', 'Länge'], [['1', '52,52', '13,405'], ['2', '', '']])).toEqual(['id', 'lat', 'lng']);
    expect(pairs(['Länge', 'Breite', 'Kunde'], [['-0,12', '51,5', 'A']])).toEqual(['lng', 'lat', 'customerName']);
    expect(pairs(['Order', 'Breedte', 'Lengtegraad'], [['1', '52,37', '4,89']])).toEqual(['id', 'lat', 'lng']);
    // The place's name in front: "Lieferadresse Breite" is the latitude, its "Länge" beside it the longitude.
    expect(pairs(['Auftrag', 'Lieferadresse Breite', 'Lieferadresse Länge'], [['1', '51,34', '12,37']])).toEqual(['id', 'lat', 'lng']);
    expect(pairs(['Auftrag', 'Lieferadresse Breite', 'Paket Länge'], [['1', '51,34', '240']])).toEqual(['id', 'lat', 'extra']);
    // A length (not degrees), not beside the latitude, or a longitude already matched: left as they were.
    expect(pairs(['Breite', 'Länge'], [['52,5', '240']])).toEqual(['lat', 'extra']);
    expect(pairs(['Breite', 'Kunde', 'Länge'], [['52,5', 'A', '13,4']])).toEqual(['lat', 'customerName', 'extra']);
    expect(pairs(['Breite', 'Länge', 'Längengrad'], [['52,5', '3', '13,4']])).toEqual(['lat', 'extra', 'lng']);
    expect(pairs(['Kunde', 'Länge'], [['A', '13,4']])).toEqual(['customerName', 'extra']);
  });

  it('knows a fleet file\'s depot and payload in Spanish, Italian and German', () => {
    const vehicles = fieldsFor('vehicles', UNITS);
    expect(autoMatch(['Matrícula', 'Capacidad (kg)', 'Almacén'], vehicles)).toEqual(['id', 'capacity:0', 'startDepot']);
    expect(autoMatch(['Kennzeichen', 'Nutzlast kg', 'Lager'], vehicles)).toEqual(['id', 'capacity:0', 'startDepot']);
    expect(autoMatch(['Targa', 'Portata', 'Magazzino'], vehicles)).toEqual(['id', 'capacity:0', 'startDepot']);
    // The vehicle word is its id (as "Vehicle"), the driver's its name; costs and stop limits written short.
    expect(autoMatch(['Fahrzeug', 'Fahrer', 'Kosten/km', 'Kosten/Std.', 'Max. Stopps'], vehicles)).toEqual(['id', 'name', 'perKmCost', 'perHourCost', 'maxStops']);
    expect(autoMatch(['Véhicule', 'Chauffeur', 'Nb max de livraisons'], vehicles)).toEqual(['id', 'name', 'maxStops']);
    expect(autoMatch(['Matrícula', 'Conductor', 'Máx. paradas'], vehicles)).toEqual(['id', 'name', 'maxStops']);
  });

  it('knows an Italian fleet file\'s cost per km', () => {
    expect(autoMatch(['Targa', 'Autista', 'Costo al km', 'Costo fisso'], fieldsFor('vehicles', UNITS))).toEqual(['id', 'name', 'perKmCost', 'fixedCost']);
  });

  it('knows the usual headers of French orders and fleet files', () => {
    const orders = fieldsFor('orders', UNITS);
    expect(autoMatch(['N° commande', 'Nom du client', 'Adresse', 'Code postal', 'Ville', 'Latitude', 'Longitude', 'Début créneau', 'Fin créneau', 'Durée (min)', 'Poids (kg)', 'Quantité', 'Priorité', 'Commentaire', 'Téléphone', 'Courriel'], orders)).toEqual([
      'id', 'customerName', 'address', 'zip', 'city', 'lat', 'lng', 'windowStart', 'windowEnd', 'serviceMinutes', 'amount:0', 'extra', 'priority', 'notes', 'phone', 'email',
    ]);
    expect(autoMatch(['Commande', 'Client', 'Créneau horaire', 'Temps sur place', 'Type de livraison', 'Remarques'], orders)).toEqual([
      'id', 'customerName', 'window', 'serviceMinutes', 'serviceType', 'notes',
    ]);
    expect(autoMatch(['Immatriculation', 'Chauffeur', 'Charge utile (kg)', 'Début de service', 'Fin de service', 'Coût au km', 'Coût horaire', 'Coût fixe', 'Entrepôt', 'Compétences', 'Équipement'], fieldsFor('vehicles', UNITS))).toEqual([
      'id', 'name', 'capacity:0', 'shiftStart', 'shiftEnd', 'perKmCost', 'perHourCost', 'fixedCost', 'startDepot', 'crewSkills', 'features',
    ]);
  });

  it('reads two headers that differ only in a window\'s start and end word as the window', () => {
    const orders = fieldsFor('orders', UNITS);
    const pairs = (headers: string[], rows: string[][]) => detectWindowPairs(headers, rows, autoMatch(headers, orders));
    // "Tijdvenster van" starts like the whole window ("Tijdvenster"), its partner matches nothing.
    expect(autoMatch(['Klant', 'Tijdvenster van', 'Tijdvenster tot'], orders)).toEqual(['customerName', 'window', 'extra']);
    expect(pairs(['Klant', 'Tijdvenster van', 'Tijdvenster tot'], [['A', '08:00', '12:00']])).toEqual(['customerName', 'windowStart', 'windowEnd']);
    // Rows without a window leave both cells empty.
    expect(pairs(['Klant', 'Tijdvenster van', 'Tijdvenster tot'], [['A', '8:00', '12:00'], ['B', '', ''], ['C', '13.00', '17.00']])).toEqual(['customerName', 'windowStart', 'windowEnd']);
    expect(pairs(['Cliente', 'Ventana desde', 'Ventana hasta'], [['A', '8:00', '10:30']])).toEqual(['customerName', 'windowStart', 'windowEnd']);
    expect(pairs(['Client', 'Créneau début', 'Créneau fin'], [['A', '8h30', '10h00']])).toEqual(['customerName', 'windowStart', 'windowEnd']);
    expect(pairs(['Client', 'Début', 'Fin'], [['A', '14:00', '18:00']])).toEqual(['customerName', 'windowStart', 'windowEnd']);
    // A whole window's column holds ranges, not clock times: never split; words that differ elsewhere are no pair.
    expect(pairs(['Klant', 'Tijdvenster van', 'Tijdvenster tot'], [['A', '08:00-12:00', '12:00']])).toEqual(['customerName', 'window', 'extra']);
    expect(pairs(['Klant', 'Tijdvenster van', 'Laadtijd tot'], [['A', '08:00', '12:00']])).toEqual(['customerName', 'window', 'extra']);
  });

  it('reads a fleet\'s start and end columns of clock times as the shift, and gives the place to the depot column', () => {
    const vehicles = fieldsFor('vehicles', UNITS);
    const read = (headers: string[], rows: string[][]) => detectShiftColumns(headers, rows, autoMatch(headers, vehicles), vehicles);
    expect(autoMatch(['Vehicle', 'Start', 'End', 'Depot'], vehicles)).toEqual(['id', 'startDepot', 'endDepot', 'extra']);
    expect(read(['Vehicle', 'Start', 'End', 'Depot'], [['V1', '07:00', '5:30 PM', 'North'], ['V2', '', '', 'North']])).toEqual(['id', 'shiftStart', 'shiftEnd', 'startDepot']);
    expect(read(['Kenteken', 'Start', 'Einde', 'Depot', 'Laadvermogen'], [['12-AB-3', '7:00', '17:00', 'Magazijn', '800']])).toEqual(['id', 'shiftStart', 'shiftEnd', 'startDepot', 'capacity:0']);
    // Places stay places; a shift already matched keeps the place column as it was.
    expect(read(['Vehicle', 'Start', 'End'], [['V1', 'North', '52.1, 4.3']])).toEqual(['id', 'startDepot', 'endDepot']);
    expect(read(['Vehicle', 'Start', 'Shift start'], [['V1', '07:00', '07:00']])).toEqual(['id', 'startDepot', 'shiftStart']);
  });

  it('reads a header ending in a coordinate word as that place\'s coordinate, never as the place', () => {
    const orders = fieldsFor('orders', UNITS);
    const vehicles = fieldsFor('vehicles', UNITS);
    expect(autoMatch(['Order', 'Address', 'Address lat', 'Address lng'], orders)).toEqual(['id', 'address', 'lat', 'lng']);
    expect(autoMatch(['Order', 'Adresse', 'Adresse lat', 'Adresse lon'], orders)).toEqual(['id', 'address', 'lat', 'lng']);
    expect(autoMatch(['Order', 'Customer latitude', 'Customer longitude'], orders)).toEqual(['id', 'lat', 'lng']);
    expect(autoMatch(['Order', 'Delivery address latitude', 'Delivery address longitude'], orders)).toEqual(['id', 'lat', 'lng']);
    // The pickup side stays the pickup side, with or without its address column.
    expect(autoMatch(['Order', 'Customer', 'Pickup address lat', 'Pickup address lng', 'Lat', 'Lng'], orders))
      .toEqual(['id', 'customerName', 'pickupLat', 'pickupLng', 'lat', 'lng']);
    expect(autoMatch(['Order', 'Pickup address', 'Pickup address lat', 'Pickup address lng', 'Delivery address', 'Delivery address lat', 'Delivery address lng'], orders))
      .toEqual(['id', 'pickupAddress', 'pickupLat', 'pickupLng', 'address', 'lat', 'lng']);
    // A fleet's start and end places.
    expect(autoMatch(['Vehicle', 'Start address lat', 'Start address lng', 'End location latitude', 'End location longitude'], vehicles))
      .toEqual(['id', 'startLat', 'startLng', 'endLat', 'endLng']);
    expect(autoMatch(['Vehicle', 'Depot address lat', 'Depot address lng'], vehicles)).toEqual(['id', 'startLat', 'startLng']);
    // A coordinate with no field for its place is kept, not taken as the place.
    expect(autoMatch(['Vehicle', 'Home lat'], vehicles)).toEqual(['id', 'extra']);
  });

  it('normalizes headers', () => {
    expect(normalizeHeader('Straße')).toBe('strasse');
    expect(normalizeHeader('  Weight (KG) ')).toBe('weight kg');
    expect(normalizeHeader('Prénom_Client')).toBe('prenom client');
  });
});

describe('cell readers', () => {
  it('reads clock times written in the usual ways', () => {
    for (const [text, minutes] of [['10:00', 600], ['10h00', 600], ['10h', 600], ['1000', 600], ['930', 570], ['9:05:00', 545], ['2 pm', 840], ['12am', 0], ['2026-11-21T10:15:00', 615], ['24:00', 1440], ['14:30 Uhr', 870], ['8 Uhr', 480]] as const) {
      expect(parseClock(text), text).toEqual({ ok: true, value: minutes });
    }
    expect(parseClock('25:00')).toEqual({ ok: false, message: "'25:00' is not a valid time of day" });
    expect(parseClock('soon').ok).toBe(false);
  });

  it('reads minutes since midnight when the column is in minutes', () => {
    expect(parseTime('600', 'minutes')).toEqual({ ok: true, value: 600 });
    expect(parseTime('600', 'clock')).toEqual({ ok: true, value: 360 });
    expect(detectTimeFormat('start (min)', ['540'])).toBe('minutes');
    expect(detectTimeFormat('start', ['480', '1170'])).toBe('minutes');
    expect(detectTimeFormat('start', ['0800', '1130'])).toBe('clock');
    expect(detectTimeFormat('start', ['9h00', '600'])).toBe('clock');
  });

  it('reads decimal commas and thousands separators, and names what is not a number', () => {
    expect(parseNumber('45,76')).toEqual({ ok: true, value: 45.76 });
    expect(parseNumber('1 250')).toEqual({ ok: true, value: 1250 });
    expect(parseNumber('1,250.5')).toEqual({ ok: true, value: 1250.5 });
    // European grouping: the last mark is the decimal one (this read 1.2505 before).
    expect(parseNumber('1.250,5')).toEqual({ ok: true, value: 1250.5 });
    expect(parseNumber('1.250.000,75')).toEqual({ ok: true, value: 1250000.75 });
    // "1.000" is a thousand only in a file written with decimal commas.
    expect(parseNumber('1.000')).toEqual({ ok: true, value: 1 });
    expect(parseNumber('1.000', true)).toEqual({ ok: true, value: 1000 });
    expect(parseNumber('12.500.000', true)).toEqual({ ok: true, value: 12500000 });
    expect(parseNumber('0,38', true)).toEqual({ ok: true, value: 0.38 });
    expect(decimalCommaFile([['750', '0,38'], ['1.000', '0,4']], [0, 1])).toBe(true);
    expect(decimalCommaFile([['750', '0.38'], ['1.000', '0,4']], [0, 1])).toBe(false);
    expect(decimalCommaFile([['750', '1,250'], ['1.000', '']], [0, 1])).toBe(false);
    // Times are not number columns: "13.00" beside them says nothing.
    expect(decimalCommaFile([['750', '0,38', '13.00']], [0, 1])).toBe(true);
    expect(parseNumber('abc')).toEqual({ ok: false, message: "'abc' is not a number" });
  });

  it('reads several windows in one cell', () => {
    expect(parseWindows('10:00-12:00; 14h00 – 16h00', 'clock')).toEqual({ ok: true, value: [{ start: 600, end: 720 }, { start: 840, end: 960 }] });
    expect(parseWindows('10:00', 'clock').ok).toBe(false);
    // A range with one end left empty runs to midnight on that side; "or" between two windows is two windows.
    expect(['14:00-', '2pm -', '-12:00', '– 12h'].map((text) => parseWindows(text, 'clock'))).toEqual([
      { ok: true, value: [{ start: 840, end: 1440 }] }, { ok: true, value: [{ start: 840, end: 1440 }] },
      { ok: true, value: [{ start: 0, end: 720 }] }, { ok: true, value: [{ start: 0, end: 720 }] },
    ]);
    expect(['-5', '14-'].map((text) => parseWindows(text, 'clock'))).toEqual([
      { ok: false, message: '\'-5\' has no start: write both times (14:00-18:00), or "before 5"' },
      { ok: false, message: '\'14-\' has no end: write both times (14:00-18:00), or "after 14"' },
    ]);
    for (const text of ['10:00 - 12:00 or 14:00 - 16:00', '10-12 oder 14-16', '10h-12h ou 14h-16h', 'de 10 a 12 o de 14 a 16'])
      expect(parseWindows(text, 'clock'), text).toEqual({ ok: true, value: [{ start: 600, end: 720 }, { start: 840, end: 960 }] });
    for (const text of ['08:00 à 12:00', '8 bis 12 Uhr', '8 tot 12', '8 hasta 12', '8 alle 12', '8 até 12', '8:00 a - 12:00 p']) {
      expect(parseWindows(text, 'clock'), text).toEqual({ ok: true, value: [{ start: 480, end: 720 }] });
    }
  });

  it('reads service types from synonyms', () => {
    expect(parseServiceType('Threshold')).toEqual({ ok: true, value: 'curbside' });
    expect(parseServiceType('White Glove')).toEqual({ ok: true, value: 'white-glove' });
    expect(parseServiceType('install')).toEqual({ ok: true, value: 'installation' });
    expect(parseServiceType('express')).toMatchObject({ ok: false, message: expect.stringContaining("unknown service type 'express'") });
  });

  it('reads "Prénom" | "Nom" as the first and family name, and a lone "Nom" as the whole name', () => {
    const orders = fieldsFor('orders', UNITS);
    const names = (headers: string[]) => detectNameParts(headers, autoMatch(headers, orders));
    expect(autoMatch(['Commande', 'Nom', 'Prénom', 'Adresse'], orders)).toEqual(['id', 'customerName', 'extra', 'address']);
    expect(names(['Commande', 'Nom', 'Prénom', 'Adresse'])).toEqual(['id', 'customerLastName', 'customerName', 'address']);
    expect(names(['Auftrag', 'Vorname', 'Name'])).toEqual(['id', 'customerName', 'customerLastName']);
    expect(names(['Commande', 'Nom', 'Adresse'])).toEqual(['id', 'customerName', 'address']);
    expect(names(['Order', 'First name', 'Last name'])).toEqual(['id', 'customerName', 'customerLastName']);
    expect(names(['Order', 'Customer', 'First name'])).toEqual(['id', 'customerName', 'extra']);
  });

  it('reads yes/no cells in the usual ways and languages, and names what is neither', () => {
    for (const text of ['yes', 'Y', 'x', '1', 'TRUE', 'oui', 'Ja', 'sí', 'Sim', '✓']) expect(parseYesNo(text), text).toEqual({ ok: true, value: true });
    for (const text of ['no', 'N', '0', '', 'false', 'non', 'Nein', 'não', 'nee', 'falso']) expect(parseYesNo(text), text).toEqual({ ok: true, value: false });
    expect(parseYesNo('maybe')).toEqual({ ok: false, message: "'maybe' is not yes or no" });
  });

  it('reads a fleet column of yes/no cells as a feature named by its header, and nothing else', () => {
    const vehicles = fieldsFor('vehicles', UNITS);
    const flags = (headers: string[], rows: string[][]) => detectFlagColumns(headers, rows, autoMatch(headers, vehicles));
    expect(flags(['Kenteken', 'Laadklep', 'Koeling'], [['12-AB-3', 'ja', 'nee'], ['34-CD-5', 'nee', '']])).toEqual(['id', 'flag', 'extra']);
    expect(flags(['Matrícula', 'Plataforma'], [['1234 ABC', 'sí'], ['5678 DEF', 'no']])).toEqual(['id', 'flag']);
    expect(flags(['Vehicle', 'Colour'], [['V1', 'red']])).toEqual(['id', 'extra']);
  });

  it('reads service types, priorities and durations written in Spanish, Italian, Portuguese, German, Dutch and French', () => {
    const types: [string, string][] = [
      ['Montage', 'installation'], ['Instalación', 'installation'], ['Retoure', 'return'], ['devolución', 'return'], ['Ritiro', 'return'],
      ['Altgerätemitnahme', 'haul-away'], ['Reprise', 'haul-away'], ['Lieferung', 'curbside'], ['livraison', 'curbside'], ['Entrega', 'curbside'],
      ['Zweitzustellung', 're-delivery'], ['Nouvelle livraison', 're-delivery'], ['Gants blancs', 'white-glove'], ['Pièce au choix', 'room-of-choice'],
    ];
    for (const [text, type] of types) expect(parseServiceType(text), text).toEqual({ ok: true, value: type });
    const priorities: [string, number][] = [['Hoch', 6], ['alta', 6], ['Élevée', 6], ['dringend', 8], ['urgente', 8], ['niedrig', 1], ['Crítica', 10], ['laag', 1], ['Moyenne', 3], ['normaal', 3], ['Normale', 3]];
    for (const [text, value] of priorities) expect(parsePriority(text), text).toEqual({ ok: true, value });
    const durations: [string, number][] = [['15 Minuten', 15], ['15 minutos', 15], ['90 Min.', 90], ['2 Std.', 120], ['1,5 horas', 90], ['1 heure', 60], ['20 minuti', 20]];
    for (const [text, value] of durations) expect(parseDuration(text), text).toEqual({ ok: true, value });
    expect(parseDuration('15 Wochen').ok).toBe(false);
  });
});
