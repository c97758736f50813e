// Property-based fuzzing of the .xlsx order and vehicle import (real ZIP bytes).
import { xlsxTarget } from './targets-table';
import { fuzzSuite, type FuzzEntry } from './suite';

fuzzSuite([
  [xlsxTarget('orders'), 250],
  [xlsxTarget('vehicles'), 250],
] as FuzzEntry[]);
