// Header names in Spanish, Italian, Portuguese, German and Dutch for the import fields (fields-orders.ts and
// fields-vehicles.ts hold the English ones and the published templates). A dispatcher's own spreadsheet is often
// in the local language: "Pedido; Cliente; Dirección; Latitud; Longitud; Desde; Hasta" matched nothing, and every
// column had to be mapped by hand. Compared after normalizeHeader (accents dropped, "ß" as "ss", lower case).
// Words left out on purpose: short ones that mean something else in an English file ("van", "de", "tot", "ab",
// "alle", "ate", "fine"), words with two meanings here ("equipo": team or equipment), and generic ones that could
// name any column. Some of those short words name a window's bounds side by side ("Dalle" | "Alle"): column-map.ts
// detectWindowPairs reads such a pair of clock-time columns as the window. German "Länge" (longitude, but also length)
// is read as the longitude only beside the latitude (detectCoordinatePairs); Spanish "Depósito" (a depot, but also a
// fuel tank) is left out of the depot words.

/** Extra synonyms of order fields, by field key. */
export const LOCAL_ORDER_SYNONYMS: Readonly<Record<string, readonly string[]>> = {
  id: [
    'pedido', 'n pedido', 'no pedido', 'num pedido', 'numero pedido', 'numero de pedido', 'referencia', 'codigo', 'albaran',
    'ordine', 'numero ordine', 'n ordine', 'riferimento', 'encomenda', 'numero encomenda',
    'auftrag', 'auftragsnummer', 'auftrags nr', 'bestellnummer', 'bestellung', 'lieferschein', 'ordernummer', 'bestelling', 'bestelnummer',
  ],
  customerName: [
    'cliente', 'nombre', 'nombre cliente', 'nombre del cliente', 'destinatario', 'razon social',
    'nome', 'nome cliente', 'ragione sociale', 'nome do cliente',
    'kunde', 'kundenname', 'empfanger', 'name kunde', 'klant', 'klantnaam', 'naam', 'ontvanger',
  ],
  address: [
    'direccion', 'domicilio', 'direccion de entrega', 'indirizzo', 'indirizzo di consegna', 'endereco', 'morada', 'endereco de entrega',
    'anschrift', 'strasse', 'lieferadresse', 'adres', 'afleveradres',
  ],
  city: ['ciudad', 'poblacion', 'localidad', 'municipio', 'citta', 'comune', 'localita', 'cidade', 'concelho', 'stadt', 'ort', 'plaats', 'woonplaats'],
  state: ['provincia', 'estado', 'bundesland', 'provincie'],
  zip: ['codigo postal', 'cp', 'cap', 'codice postale', 'cep', 'postleitzahl'],
  country: ['pais', 'paese', 'nazione', 'land'],
  lat: ['latitud', 'latitudine', 'breitengrad', 'breedtegraad'],
  lng: ['longitud', 'longitudine', 'langengrad', 'laengengrad', 'lengtegraad'],
  windowStart: [
    'desde', 'hora desde', 'hora inicio', 'hora de inicio', 'inicio', 'inicio ventana', 'entrega desde',
    'ora inizio', 'inizio', 'inizio finestra', 'dalle ore', 'hora inicial', 'janela inicio',
    'von', 'zeitfenster von', 'zeitfenster start', 'lieferung ab', 'vanaf', 'tijdvak van', 'begintijd',
  ],
  windowEnd: [
    'hasta', 'hora hasta', 'hora fin', 'hora de fin', 'fin ventana', 'entrega hasta',
    'ora fine', 'fine finestra', 'alle ore', 'hora final', 'janela fim',
    'bis', 'zeitfenster bis', 'zeitfenster ende', 'lieferung bis', 'tot en met', 'tijdvak tot', 'eindtijd',
  ],
  window: ['franja', 'franja horaria', 'ventana', 'ventana horaria', 'fascia oraria', 'finestra', 'janela', 'janela horaria', 'zeitfenster', 'lieferfenster', 'tijdvak', 'tijdslot', 'tijdvenster'],
  serviceMinutes: [
    'minutos', 'duracion', 'tiempo de servicio', 'tiempo servicio', 'minutos servicio', 'minutos de servicio', 'tiempo en parada',
    'minuti', 'durata', 'tempo di servizio', 'duracao', 'tempo de servico', 'tempo de paragem',
    'dauer', 'standzeit', 'servicezeit', 'minuten', 'duur', 'servicetijd', 'stoptijd',
  ],
  skills: ['habilidades', 'competencias', 'requisitos', 'competenze', 'requisiti', 'competencias necessarias', 'fahigkeiten', 'qualifikationen', 'vaardigheden'],
  features: ['equipamiento', 'equipamento', 'attrezzatura', 'ausstattung', 'uitrusting'],
  serviceType: ['tipo', 'tipo de servicio', 'tipo servicio', 'tipo di servizio', 'tipo de servico', 'servicetyp', 'leistungsart', 'soort dienst'],
  priority: ['prioridad', 'priorita', 'prioridade', 'prioritat', 'prioriteit'],
  notes: [
    'notas', 'observaciones', 'comentarios', 'instrucciones', 'osservazioni', 'commenti', 'istruzioni', 'observacoes', 'instrucoes',
    'bemerkung', 'bemerkungen', 'hinweis', 'hinweise', 'anmerkungen', 'opmerking', 'opmerkingen',
  ],
  phone: ['telefono', 'movil', 'celular', 'cellulare', 'telefone', 'telemovel', 'telefon', 'handy', 'telefoon', 'mobiel', 'telefoonnummer'],
  email: ['correo', 'correo electronico', 'posta elettronica'],
};

/** Extra synonyms of vehicle fields, by field key. */
export const LOCAL_VEHICLE_SYNONYMS: Readonly<Record<string, readonly string[]>> = {
  id: ['matricula', 'placa', 'targa', 'kennzeichen', 'kenteken'],
  startDepot: ['almacen', 'magazzino', 'armazem', 'lager', 'magazijn'],
  name: ['nombre', 'vehiculo', 'conductor', 'nome', 'veicolo', 'autista', 'motorista', 'fahrzeug', 'fahrer', 'voertuig', 'chauffeur'],
  shiftStart: ['inicio turno', 'hora inicio', 'hora de inicio', 'entrada', 'inizio turno', 'ora inizio', 'inicio do turno', 'schichtbeginn', 'dienstbeginn', 'arbeitsbeginn', 'begin dienst', 'begintijd'],
  shiftEnd: ['fin turno', 'hora fin', 'hora de fin', 'salida', 'fine turno', 'ora fine', 'fim do turno', 'schichtende', 'dienstende', 'arbeitsende', 'einde dienst', 'eindtijd'],
  crewSkills: ['habilidades', 'competencias', 'competenze', 'fahigkeiten', 'qualifikationen', 'vaardigheden'],
  crewSize: ['tripulacion', 'personas', 'persone', 'pessoas', 'besatzung', 'personen'],
  features: ['equipamiento', 'equipamento', 'attrezzatura', 'ausstattung', 'uitrusting'],
  fixedCost: ['coste fijo', 'costo fijo', 'costo fisso', 'custo fixo', 'fixkosten', 'vaste kosten'],
  perKmCost: [
    'coste por km', 'costo por km', 'coste por kilometro', 'costo per km', 'costo al km', 'costo chilometrico', 'costo per chilometro',
    'custo por km', 'custo por quilometro', 'kosten pro km', 'kilometerkosten', 'kosten per km', 'kilometerprijs',
  ],
  perHourCost: ['coste por hora', 'costo por hora', 'costo orario', 'custo por hora', 'kosten pro stunde', 'kosten per uur'],
};

/** Words for a capacity column ("Capacidad kg") and an amount column ("Cantidad"), as the English "capacity" and "amount". */
export const LOCAL_CAPACITY_WORDS: readonly string[] = [
  'capacidad', 'capacita', 'capacidade', 'kapazitat', 'capaciteit', 'carga maxima', 'carga util', 'portata', 'zuladung', 'nutzlast', 'laadvermogen',
];
export const LOCAL_AMOUNT_WORDS: readonly string[] = ['cantidad', 'quantita', 'quantidade', 'menge', 'hoeveelheid'];
