// Header names in Spanish, Italian, Portuguese, German, Dutch, French, Polish, Swedish, Danish and Norwegian for the import fields (fields-orders.ts and
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
    'commande', 'n commande', 'no commande', 'numero commande', 'numero de commande', 'ref commande', 'bon de livraison',
    'numer zamowienia', 'nr zamowienia', 'zamowienie', 'numer przesylki', 'nr przesylki',
    'ordrenummer', 'ordrenr', 'ordernr', 'bestillingsnummer', 'sandningsnummer', 'forsendelsesnummer', 'kollinummer',
  ],
  customerName: [
    'cliente', 'nombre', 'nombre cliente', 'nombre del cliente', 'destinatario', 'razon social',
    'nome', 'nome cliente', 'ragione sociale', 'nome do cliente',
    'kunde', 'kundenname', 'empfanger', 'name kunde', 'klant', 'klantnaam', 'naam', 'ontvanger',
    'vorname', 'voornaam', 'prenom', 'nombre de pila',
    'client', 'nom', 'nom client', 'nom du client', 'destinataire', 'raison sociale',
    'klient', 'odbiorca', 'nazwa klienta', 'imie', 'nazwa odbiorcy',
    'kund', 'kundnamn', 'mottagare', 'kundenavn', 'modtager', 'mottaker', 'namn', 'navn',
  ],
  customerLastName: ['apellido', 'apellidos', 'cognome', 'sobrenome', 'apelido', 'nachname', 'familienname', 'achternaam', 'nom de famille', 'nazwisko'],
  pickupAddress: [
    'punto de recogida', 'lugar de recogida', 'punto di ritiro', 'luogo di ritiro', 'local de recolha', 'ponto de recolha', 'ponto de coleta',
    'abholadresse', 'abholort', 'abholstelle', 'ladeadresse', 'ladestelle', 'ophaaladres', 'laadadres', 'laadlocatie',
    'lieu d enlevement', 'lieu de chargement', 'adresse de chargement',
  ],
  address: [
    'direccion', 'domicilio', 'direccion de entrega', 'indirizzo', 'indirizzo di consegna', 'endereco', 'morada', 'endereco de entrega',
    'anschrift', 'strasse', 'lieferadresse', 'adres', 'afleveradres',
    'adresse', 'adresse de livraison', 'adresse livraison',
    // The street alone, its number in a column of its own (houseNumber).
    'calle', 'rua', 'logradouro', 'strassenname', 'straat', 'straatnaam', 'rue', 'nom de rue',
    'adres dostawy', 'ulica',
    'adress', 'leveransadress', 'gatuadress', 'gata', 'leveringsadresse', 'gade', 'vej', 'gatenavn', 'gadenavn',
  ],
  addressLine2: ['complemento', 'complemento de direccion', 'complemento de endereco', 'complement d adresse', 'complement adresse', 'adresszusatz', 'adres 2', 'toevoeging', 'presso'],
  houseNumber: [
    'numero de calle', 'num calle', 'numero exterior', 'civico', 'numero civico', 'n civico', 'numero da porta', 'n da porta', 'numero de porta',
    'hausnummer', 'hausnr', 'haus nr', 'hnr', 'huisnummer', 'huisnr', 'huis nr', 'numero de rue', 'numero de voie', 'n de rue', 'no de rue',
    'numer domu', 'nr domu', 'numer budynku',
  
    'gatunummer', 'husnummer', 'husnr',
  ],
  city: ['ciudad', 'poblacion', 'localidad', 'municipio', 'citta', 'comune', 'localita', 'cidade', 'concelho', 'stadt', 'ort', 'plaats', 'woonplaats', 'ville', 'commune', 'localite', 'localidade', 'miasto', 'miejscowosc', 'postort', 'stad', 'bynavn', 'poststed', 'sted'],
  state: ['provincia', 'estado', 'bundesland', 'provincie', 'departement', 'wojewodztwo'],
  zip: ['codigo postal', 'cp', 'cap', 'codice postale', 'cep', 'postleitzahl', 'code postal', 'kod pocztowy', 'postnummer', 'postnr'],
  country: ['pais', 'paese', 'nazione', 'land', 'pays', 'kraj', 'lander', 'landskod'],
  coordinates: ['coordenadas', 'coordenadas gps', 'coordinate', 'coordinate gps', 'coordenadas geograficas', 'koordinaten', 'gps koordinaten', 'geokoordinaten', 'coordinaten', 'gps coordinaten', 'coordonnees', 'coordonnees gps'],
  lat: ['latitud', 'latitudine', 'breitengrad', 'breedtegraad', 'szerokosc', 'szerokosc geograficzna', 'breddgrad', 'breddegrad'],
  lng: ['longitud', 'longitudine', 'langengrad', 'laengengrad', 'lengtegraad', 'dlugosc', 'dlugosc geograficzna', 'langdgrad', 'laengdegrad', 'lengdegrad'],
  windowStart: [
    'desde', 'hora desde', 'hora inicio', 'hora de inicio', 'inicio', 'inicio ventana', 'entrega desde',
    'ora inizio', 'inizio', 'inizio finestra', 'dalle ore', 'hora inicial', 'janela inicio',
    'von', 'zeitfenster von', 'zeitfenster start', 'lieferung ab', 'vanaf', 'tijdvak van', 'begintijd',
    'debut creneau', 'debut du creneau', 'heure debut', 'heure de debut', 'livraison a partir de',
  ],
  windowEnd: [
    'hasta', 'hora hasta', 'hora fin', 'hora de fin', 'fin ventana', 'entrega hasta',
    'ora fine', 'fine finestra', 'alle ore', 'hora final', 'janela fim',
    'bis', 'zeitfenster bis', 'zeitfenster ende', 'lieferung bis', 'tot en met', 'tijdvak tot', 'eindtijd',
    'fin creneau', 'fin du creneau', 'heure fin', 'heure de fin', 'livraison avant',
  ],
  date: ['fecha', 'fecha de entrega', 'fecha entrega', 'data consegna', 'data di consegna', 'data de entrega', 'datum', 'lieferdatum', 'liefertermin', 'zustelldatum', 'leverdatum', 'afleverdatum', 'bezorgdatum', 'date de livraison', 'jour de livraison', 'data dostawy', 'data', 'dzien dostawy', 'leveransdatum', 'leveransdag', 'leveringsdato', 'leveringsdag', 'dato'],
  window: ['franja', 'franja horaria', 'ventana', 'ventana horaria', 'fascia oraria', 'finestra', 'janela', 'janela horaria', 'zeitfenster', 'lieferfenster', 'lieferzeitfenster', 'zustellfenster', 'tijdvak', 'tijdslot', 'tijdvenster', 'creneau', 'creneau horaire', 'plage horaire', 'fenetre horaire', 'okno czasowe', 'przedzial czasowy', 'godziny dostawy', 'tidsfonster', 'leveransfonster', 'tidsvindue', 'leveringsvindue', 'tidsvindu', 'leveringsvindu'],
  serviceMinutes: [
    'minutos', 'duracion', 'tiempo de servicio', 'tiempo servicio', 'minutos servicio', 'minutos de servicio', 'tiempo en parada',
    'minuti', 'durata', 'tempo di servizio', 'duracao', 'tempo de servico', 'tempo de paragem',
    'dauer', 'standzeit', 'servicezeit', 'minuten', 'duur', 'servicetijd', 'stoptijd',
    'duree', 'temps de service', 'temps sur place', 'temps d arret', 'duree arret', 'duree de livraison',
    'tiempo de descarga', 'tempo di scarico', 'tempo de descarga', 'entladezeit', 'lostijd', 'temps de dechargement',
    'czas obslugi', 'czas rozladunku', 'czas postoju',
    'servicetid', 'lossningstid', 'lossetid', 'tid pa plats', 'stopptid', 'tid pa stedet',
  ],
  skills: ['habilidades', 'competencias', 'requisitos', 'competenze', 'requisiti', 'competencias necessarias', 'fahigkeiten', 'qualifikationen', 'vaardigheden', 'competences', 'wymagane umiejetnosci', 'wymagania', 'kompetens', 'kompetenser', 'kompetencer', 'kompetanse', 'krav'],
  features: ['equipamiento', 'equipamento', 'attrezzatura', 'ausstattung', 'uitrusting', 'equipement', 'equipements'],
  serviceType: ['tipo', 'tipo de servicio', 'tipo servicio', 'tipo di servizio', 'tipo de servico', 'servicetyp', 'leistungsart', 'leistung', 'soort dienst', 'type de service', 'type de livraison', 'prestation',
    'tipo de entrega', 'tipo entrega', 'tipo di consegna', 'tipo consegna', 'lieferart', 'zustellart', 'leveringstype', 'soort levering', 'rodzaj uslugi', 'typ uslugi', 'rodzaj dostawy', 'leveranstyp', 'leveranssatt', 'tjanst', 'tjeneste', 'ydelse'],
  priority: ['prioridad', 'priorita', 'prioridade', 'prioritat', 'prioriteit', 'priorite', 'priorytet', 'prioritet'],
  notes: [
    'notas', 'observaciones', 'comentarios', 'instrucciones', 'osservazioni', 'commenti', 'istruzioni', 'observacoes', 'instrucoes',
    'bemerkung', 'bemerkungen', 'hinweis', 'hinweise', 'anmerkungen', 'opmerking', 'opmerkingen',
    'commentaire', 'commentaires', 'remarque', 'remarques', 'observations', 'consignes',
    'uwagi', 'komentarz', 'instrukcje',
    'kommentar', 'kommentarer', 'anmarkning', 'meddelande', 'bemaerkning', 'bemaerkninger', 'merknad', 'beskjed', 'besked',
  ],
  phone: ['telefono', 'movil', 'celular', 'cellulare', 'telefone', 'telemovel', 'telefon', 'handy', 'telefoon', 'mobiel', 'telefoonnummer', 'telephone', 'portable', 'tel', 'nr telefonu', 'numer telefonu', 'mobil', 'mobilnummer', 'tlf'],
  email: ['correo', 'correo electronico', 'posta elettronica', 'courriel', 'e post', 'epost', 'e postadresse'],
};

/** Where a vehicle starts, written as an address or a named place ("Adresse de départ": a depot, or a place to geocode). */
export const LOCAL_START_PLACES: readonly string[] = [
  'adresse de depart', 'lieu de depart', 'point de depart', 'depot de depart', 'direccion de salida', 'direccion de inicio', 'punto de partida', 'lugar de salida',
  'indirizzo di partenza', 'luogo di partenza', 'punto di partenza', 'endereco de partida', 'endereco de saida', 'local de partida',
  'startadresse', 'startort', 'startpunkt', 'abfahrtsort', 'startadres', 'vertrekadres', 'vertrekpunt', 'vertreklocatie',
  'adres startowy', 'adres poczatkowy', 'miejsce startu', 'startadress', 'startplats', 'startsted',
];
/** Where a vehicle ends, so written. */
export const LOCAL_END_PLACES: readonly string[] = [
  'adresse de retour', 'adresse d arrivee', 'adresse de fin', 'lieu d arrivee', 'point d arrivee', 'depot d arrivee', 'direccion de llegada', 'direccion final', 'punto de llegada',
  'indirizzo di arrivo', 'punto di arrivo', 'endereco de chegada', 'zieladresse', 'endadresse', 'eindadres', 'eindpunkt', 'aankomstadres',
  'adres koncowy', 'slutadress', 'slutsted',
];

/** Extra synonyms of vehicle fields, by field key. */
export const LOCAL_VEHICLE_SYNONYMS: Readonly<Record<string, readonly string[]>> = {
  // A vehicle word is its id, as the English "Vehicle" is; the driver's word is its name.
  id: ['matricula', 'placa', 'targa', 'kennzeichen', 'kenteken', 'immatriculation', 'plaque', 'vehiculo', 'veicolo', 'fahrzeug', 'voertuig', 'vehicule', 'nr rejestracyjny', 'numer rejestracyjny', 'pojazd', 'fordon', 'regnr', 'registreringsnummer', 'kjoretoy', 'koretoj', 'nummerplade', 'bil'],
  startDepot: ['almacen', 'magazzino', 'armazem', 'lager', 'magazijn', 'entrepot', 'plateforme', 'standort', 'betriebshof', 'sede', 'vestiging', 'magazyn', 'baza', 'depa', 'terminal', ...LOCAL_START_PLACES],
  endDepot: LOCAL_END_PLACES,
  name: ['nombre', 'conductor', 'nome', 'autista', 'motorista', 'fahrer', 'chauffeur', 'conducteur', 'livreur', 'kierowca', 'forare', 'chauffor', 'sjafor', 'forer'],
  shiftStart: ['inicio turno', 'inicio de turno', 'inicio del turno', 'comienzo de turno', 'inicio de jornada', 'inizio del turno', 'inizio turno lavoro', 'debut de journee', 'hora inicio', 'hora de inicio', 'entrada', 'inizio turno', 'ora inizio', 'inicio do turno', 'schichtbeginn', 'dienstbeginn', 'arbeitsbeginn', 'begin dienst', 'begintijd', 'debut de service', 'debut service', 'prise de service', 'heure de debut', 'debut de tournee', 'debut tournee', 'poczatek zmiany', 'start zmiany', 'godzina rozpoczecia', 'starttid', 'arbetstid start', 'starttidspunkt', 'modetid',
    // A shift's group over its two columns ("Horaires" over "Début" | "Fin": read as "Horaires Début").
    'horaires debut', 'horaire debut', 'horaires de', 'arbeitszeit beginn', 'arbeitszeit von', 'horario inicio', 'horario desde', 'orario inizio', 'orario dalle', 'werktijd begin', 'werktijd van', 'horario de trabalho inicio'],
  shiftEnd: ['fin turno', 'fin de turno', 'fin del turno', 'final de turno', 'fin de jornada', 'fine del turno', 'fim de turno', 'fin de journee', 'hora fin', 'hora de fin', 'salida', 'fine turno', 'ora fine', 'fim do turno', 'schichtende', 'dienstende', 'arbeitsende', 'einde dienst', 'eindtijd', 'einde', 'fin de service', 'fin service', 'heure de fin', 'fin de tournee', 'fin tournee', 'koniec zmiany', 'godzina zakonczenia', 'sluttid', 'sluttidspunkt', 'arbetstid slut',
    'horaires fin', 'horaire fin', 'horaires a', 'arbeitszeit ende', 'arbeitszeit bis', 'horario fin', 'horario hasta', 'orario fine', 'orario alle', 'werktijd einde', 'werktijd tot', 'horario de trabalho fim'],
  crewSkills: ['habilidades', 'competencias', 'competenze', 'fahigkeiten', 'qualifikationen', 'vaardigheden', 'competences', 'umiejetnosci', 'kompetencje', 'uprawnienia', 'kompetens', 'kompetenser', 'kompetencer', 'kompetanse'],
  shift: ['arbeitszeit', 'arbeitszeiten', 'schicht', 'dienstzeit', 'horaires', 'horaire', 'heures de travail', 'horario', 'horario de trabajo', 'jornada', 'turno', 'orario', 'orario di lavoro', 'werktijd', 'werktijden', 'diensttijd', 'horario de trabalho', 'zmiana', 'godziny pracy', 'arbetstid', 'arbejdstid', 'arbeidstid'],
  // "Pausa" (es, it, pt), "Descanso" (es, pt), "Pauze" (nl): the break as "12:00-13:30 30"; German and French "Pause" is the English field's.
  breaks: ['descanso', 'descansos', 'pausa', 'pausa pranzo', 'pausa comida', 'pausa para comer', 'pauze', 'pauzes', 'mittagspause', 'pause dejeuner', 'przerwa', 'rast', 'lunchrast', 'frokostpause', 'lunsj'],
  crewSize: ['tripulacion', 'personas', 'persone', 'pessoas', 'besatzung', 'personen', 'equipage'],
  features: ['equipamiento', 'equipamento', 'attrezzatura', 'ausstattung', 'uitrusting', 'equipement', 'equipements'],
  fixedCost: ['coste fijo', 'costo fijo', 'costo fisso', 'custo fixo', 'fixkosten', 'vaste kosten', 'cout fixe', 'frais fixes'],
  perKmCost: [
    'coste por km', 'costo por km', 'coste por kilometro', 'costo per km', 'costo al km', 'costo chilometrico', 'costo per chilometro',
    'custo por km', 'custo por quilometro', 'kosten pro km', 'kilometerkosten', 'kosten per km', 'kilometerprijs', 'kosten km', 'kosten je km',
    'cout par km', 'cout au km', 'cout km', 'cout kilometrique', 'cout par kilometre', 'prix au km',
    'koszt za km', 'koszt km',
    'kostnad per km', 'kostnad km', 'kr per km', 'kr km', 'pris per km', 'omkostning per km',
  ],
  perHourCost: [
    'coste por hora', 'costo por hora', 'costo orario', 'custo por hora', 'kosten pro stunde', 'kosten per uur', 'cout horaire', 'cout par heure', 'cout heure', 'taux horaire',
    'kosten std', 'kosten je stunde', 'kosten stunde', 'stundensatz',
    'koszt za godzine', 'stawka godzinowa',
    'kostnad per timme', 'timkostnad', 'timpris', 'timepris', 'kostnad per time', 'timesats',
  ],
  maxStops: [
    'max paradas', 'maximo paradas', 'maximo de paradas', 'max entregas', 'max fermate', 'numero massimo fermate', 'max consegne', 'max paragens',
    'max stopps', 'maximale stopps', 'max leveringen', 'max livraisons', 'nb max de livraisons', 'nombre max de livraisons',
    'max stopp', 'max antal stopp', 'maks stopp', 'maks antal stop',
  ],
};

/** Words for a capacity column ("Capacidad kg") and an amount column ("Cantidad"), as the English "capacity" and "amount". */
export const LOCAL_CAPACITY_WORDS: readonly string[] = [
  'capacidad', 'capacita', 'capacidade', 'kapazitat', 'capaciteit', 'carga maxima', 'carga util', 'portata', 'zuladung', 'nutzlast', 'laadvermogen', 'capacite', 'charge utile', 'charge maximale',
  'ladownosc', 'pojemnosc',
  'lastkapacitet', 'kapacitet', 'lasteevne', 'nyttelast', 'lastevne',
];
export const LOCAL_AMOUNT_WORDS: readonly string[] = ['cantidad', 'quantita', 'quantidade', 'menge', 'hoeveelheid', 'quantite', 'ilosc', 'antal', 'antall', 'mangd', 'mengde'];

/**
 * Cell words in the same languages (compared after normalizeHeader): service types, priorities on the 0–10 scale of
 * cell-parse.ts PRIORITY_WORDS, and the units of a duration. A plain "delivery" ("Lieferung", "Entrega") is a
 * curbside drop, as the English word is.
 */
export const LOCAL_SERVICE_TYPE_WORDS: Readonly<Record<string, readonly string[]>> = {
  curbside: [
    'entrega', 'a pie de calle', 'pie de calle', 'consegna', 'consegna al piano strada', 'bordo strada', 'lieferung', 'bordsteinkante',
    'bis bordsteinkante', 'frei bordsteinkante', 'levering', 'bezorging', 'livraison', 'pied de camion', 'bord de trottoir', 'dostawa', 'dostawa pod drzwi', 'leverans', 'utkorning', 'udbringning'
  ],
  'room-of-choice': ['subida a domicilio', 'subida al piso', 'consegna al piano', 'habitacion a elegir', 'stanza a scelta', 'comodo a escolha', 'verwendungsstelle', 'wunschraum', 'kamer naar keuze', 'piece au choix', 'livraison dans la piece', 'wniesienie', 'dostawa z wniesieniem'],
  'white-glove': ['guante blanco', 'guanti bianchi', 'luva branca', 'weisse handschuhe', 'witte handschoenen', 'gants blancs'],
  installation: ['instalacion', 'montaje', 'installazione', 'montaggio', 'instalacao', 'montagem', 'montage', 'aufbau', 'installatie', 'installation et mise en service', 'montaz', 'instalacja', 'montering', 'installasjon'],
  'haul-away': ['retirada', 'retirada de usado', 'ritiro usato', 'recolha de usado', 'altgeratemitnahme', 'altgeratmitnahme', 'mitnahme', 'entsorgung', 'afvoer', 'oude meenemen', 'reprise', 'reprise de l ancien', 'odbior starego sprzetu', 'odbior zuzytego sprzetu', 'utylizacja', 'bortforsling', 'bortskaffelse', 'bortkjoring'],
  return: ['devolucion', 'recogida', 'reso', 'ritiro', 'devolucao', 'recolha', 'retoure', 'abholung', 'ruckholung', 'retour', 'retourzending', 'ophalen', 'enlevement', 'zwrot', 'returnering', 'hamtning', 'afhentning', 'henting'],
  're-delivery': ['nueva entrega', 'reentrega', 'riconsegna', 'nova entrega', 'zweitzustellung', 'neuzustellung', 'herbezorging', 'nouvelle livraison', 'relivraison', 'ponowna dostawa'],
};

export const LOCAL_PRIORITY_WORDS: Readonly<Record<string, number>> = {
  baja: 1, media: 3, alta: 6, urgente: 8, critica: 10,
  bassa: 1, normale: 3, critico: 10,
  baixa: 1,
  niedrig: 1, mittel: 3, hoch: 6, dringend: 8, kritisch: 10,
  laag: 1, normaal: 3, gemiddeld: 3, hoog: 6, kritiek: 10,
  niski: 1, normalny: 3, sredni: 3, wysoki: 6, pilny: 8, krytyczny: 10,
  lag: 1, hog: 6, hoj: 6, bradskande: 8, akut: 8, haster: 8, kritisk: 10,
  basse: 1, faible: 1, moyenne: 3, haute: 6, elevee: 6, critique: 10,
};

/** Units of a duration in minutes and in hours ("15 Minuten", "2 Std.", "1,5 horas"). */
export const LOCAL_MINUTE_WORDS: readonly string[] = ['minutos', 'minuti', 'minuten', 'minuut', 'minut', 'minuty', 'minuter', 'minutter'];
export const LOCAL_HOUR_WORDS: readonly string[] = ['horas', 'hora', 'ore', 'std', 'stunden', 'stunde', 'uur', 'heures', 'heure', 'godz', 'godziny', 'godzina', 'timmar', 'timme', 'timer', 'time', 'tim'];
