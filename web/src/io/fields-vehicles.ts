// The vehicle fields an import column can fill and the header names that find
// them (OptimoRoute's and Routific's driver sheets included): crew and skills
// apart from vehicle features, start/end as depot names or coordinates, shift,
// breaks, limits, costs, overtime. Capacities are added per unit by `fieldsFor`.
import type { FieldDef } from './column-map';

/** Vehicle fields; capacity per unit is added by `fieldsFor`. */
export const VEHICLE_FIELDS: FieldDef[] = [
  { key: 'id', label: 'Vehicle id', format: 'text', synonyms: ['vehicle id', 'id', 'vehicle', 'truck id', 'van id', 'plate', 'registration', 'vehicle registration', 'serial', 'driver serial', 'vehicle code', 'reg', 'reg no', 'registration number',
    'truck number', 'truck no', 'truck nr', 'van number', 'van no', 'vehicle number', 'vehicle no', 'vehicle nr', 'fleet number', 'fleet no', 'unit number'],
    // "Truck" alone heads the truck's number in US and UK sheets ("TRK-01"), but begins "Truck type" and "Truck capacity"
    // too; a bare "Van" is not taken at all: in a Dutch file it is "from".
    wholeHeaders: ['truck'] },
  { key: 'name', label: 'Name', format: 'text', synonyms: ['name', 'vehicle name', 'driver', 'driver name', 'label'] },
  { key: 'type', label: 'Vehicle type', format: 'text', synonyms: ['type', 'vehicle type', 'profile', 'category'] },
  {
    key: 'startDepot', label: 'Start (depot, address or "lat, lng")', format: 'place',
    synonyms: ['start depot', 'depot', 'start', 'start hub', 'hub', 'start location', 'start address', 'starting location', 'start point', 'home depot', 'depot id', 'start depot id', 'home base', 'start at', 'starts at', 'starts from', 'depart from', 'departure location', 'departure address'],
  },
  { key: 'startDepotName', label: 'Start depot name', format: 'text', synonyms: ['start depot name', 'depot name', 'start name', 'start location name'] },
  { key: 'startLat', label: 'Start latitude', format: 'number', synonyms: ['start lat', 'start latitude', 'depot lat', 'depot latitude', 'start location latitude'] },
  { key: 'startLng', label: 'Start longitude', format: 'number', synonyms: ['start lng', 'start lon', 'start long', 'start longitude', 'depot lng', 'depot lon', 'depot longitude', 'start location longitude'] },
  { key: 'startDepotHours', label: 'Start depot hours', format: 'window', synonyms: ['start depot hours', 'depot hours', 'depot opening hours', 'start depot open'] },
  { key: 'endDepot', label: 'End (depot, address or "lat, lng")', format: 'place', synonyms: ['end depot', 'end', 'end hub', 'end location', 'end address', 'ending location', 'end point', 'end depot id', 'end at', 'ends at', 'return to', 'returns to', 'return depot', 'return location', 'return address', 'finish location', 'finish address'] },
  { key: 'endDepotName', label: 'End depot name', format: 'text', synonyms: ['end depot name', 'end name', 'end location name'] },
  { key: 'endLat', label: 'End latitude', format: 'number', synonyms: ['end lat', 'end latitude', 'end location latitude'] },
  { key: 'endLng', label: 'End longitude', format: 'number', synonyms: ['end lng', 'end lon', 'end long', 'end longitude', 'end location longitude'] },
  { key: 'endDepotHours', label: 'End depot hours', format: 'window', synonyms: ['end depot hours', 'end depot opening hours'] },
  {
    key: 'shiftStart', label: 'Shift start', format: 'time',
    synonyms: ['shift start', 'from', 'start time', 'available from', 'earliest', 'shift from', 'work time from', 'working hours from', 'work start', 'earliest start', 'start after', 'shift begins', 'start of shift', 'clock in'],
    // A fleet file's "Início" | "Fim", "Inicio" | "Fin", "Inizio": its shift (whole headers only: "Dirección inicio" is a place).
    wholeHeaders: ['inicio', 'inizio', 'debut', 'beginn'],
  },
  {
    key: 'shiftEnd', label: 'Shift end', format: 'time',
    synonyms: ['shift end', 'to', 'end time', 'available to', 'until', 'latest', 'shift to', 'work time to', 'working hours to', 'work end', 'finish time', 'finish', 'shift finish', 'latest end', 'end before', 'shift ends', 'end of shift', 'clock out', 'return by'],
    wholeHeaders: ['fim', 'fin', 'ende'],
  },
  // The shift as one range ("07:00-17:00", "7-16 Uhr"); a "Max hours" of numbers is no range, so "hours" alone is not here.
  { key: 'shift', label: 'Shift ("07:00-17:00")', format: 'window', synonyms: ['shift', 'shift hours', 'shift time', 'shift times', 'working hours', 'work hours', 'working time', 'work time', 'availability', 'available hours', 'schedule', 'operating hours', 'duty hours', 'shift window'] },
  { key: 'breaks', label: 'Breaks ("12:00-13:30 30")', format: 'breaks', synonyms: ['breaks', 'break', 'break window', 'breaks windows', 'pause', 'lunch', 'lunch break', 'meal break'] },
  { key: 'breakStart', label: 'Break start', format: 'time', synonyms: ['break start', 'break from', 'break window start', 'break earliest'] },
  { key: 'breakEnd', label: 'Break end', format: 'time', synonyms: ['break end', 'break to', 'break window end', 'break latest'] },
  { key: 'breakMinutes', label: 'Break minutes', format: 'duration', synonyms: ['break minutes', 'break duration', 'break length', 'break min', 'break time'] },
  { key: 'crewSize', label: 'Crew size', format: 'number', synonyms: ['crew size', 'crew', 'team size', 'people', 'persons', 'workers', 'helpers'] },
  { key: 'crewSkills', label: 'Crew skills', format: 'list', synonyms: ['skills', 'skill', 'crew skills', 'driver skills', 'competences', 'qualifications'] },
  { key: 'features', label: 'Features / equipment', format: 'list', synonyms: ['features', 'feature', 'equipment', 'vehicle features', 'capabilities', 'vehicle equipment'] },
  { key: 'maxStops', label: 'Max stops', format: 'number', synonyms: ['max stops', 'maximum stops', 'stop limit', 'max orders', 'max visits', 'max tasks', 'max number of orders', 'max drops', 'drops', 'max deliveries'] },
  { key: 'maxDurationMinutes', label: 'Max duration (minutes)', format: 'duration', synonyms: ['max duration', 'max duration min', 'maximum duration', 'max route duration', 'max working time', 'max work time', 'max hours'] },
  { key: 'maxDrivingMinutes', label: 'Max driving (minutes)', format: 'duration', synonyms: ['max driving', 'max driving min', 'max driving time', 'max drive time', 'max travel time'] },
  { key: 'maxDistanceKm', label: 'Max distance (km)', format: 'number', synonyms: ['max distance', 'max distance km', 'maximum distance', 'max km', 'range km', 'range', 'max miles', 'max mileage', 'max distance miles', 'max distance mi', 'mileage limit', 'distance limit', 'range miles'] },
  { key: 'speedFactor', label: 'Speed factor', format: 'number', synonyms: ['speed factor', 'speed', 'slowness'] },
  { key: 'fixedCost', label: 'Fixed cost', format: 'number', synonyms: ['fixed cost', 'fixed', 'cost fixed', 'cost per day', 'day cost', 'cost per route', 'vehicle cost', 'daily cost', 'daily rate'] },
  { key: 'perKmCost', label: 'Cost per km', format: 'number', synonyms: ['cost per km', 'per km', 'km cost', 'cost km', 'cost per kilometer', 'distance cost'] },
  // Fleets in the US and the UK are priced by the mile: read as the price of 1.609344 km.
  { key: 'perMileCost', label: 'Cost per mile (read per km)', format: 'number', synonyms: ['cost per mile', 'per mile', 'mile cost', 'cost mile', 'mileage cost', 'mileage rate', 'pence per mile'] },
  { key: 'perHourCost', label: 'Cost per hour', format: 'number', synonyms: ['cost per hour', 'per hour', 'hourly cost', 'cost hour', 'hourly rate', 'time cost', 'cost hr', 'cost per hr', 'per hr', 'hourly wage', 'wage per hour', 'hourly pay', 'driver wage', 'cost per minute', 'cost per min', 'per minute'] },
  { key: 'overtimeMaxMinutes', label: 'Overtime max minutes', format: 'duration', synonyms: ['overtime max minutes', 'overtime max', 'max overtime', 'overtime minutes', 'overtime', 'max overtime min'] },
  { key: 'overtimeCostPerMinute', label: 'Overtime cost per minute', format: 'number', synonyms: ['overtime cost per minute', 'overtime cost', 'overtime cost min', 'overtime rate', 'overtime cost per hour', 'overtime rate per hour', 'overtime hourly rate', 'overtime rate per minute'] },
];
