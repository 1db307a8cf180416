/**
 * OpenAPI 3.1 description of the read-only JSON API (/api/v1), served at /api/v1/openapi.json.
 * The report bodies are the public formats of docs/reports.md: `technopark-summary/1` and
 * `technopark-indicators/1`. Change additively only; docs/api.md is the overview.
 */

import { FUNDING_SOURCES, INDICATOR_DIRECTIONS, PARK_TYPES } from '@/db/schema/values';

const decimal = { type: 'string', pattern: '^-?\\d+\\.\\d{2}$', description: 'Exact decimal with two decimals, e.g. "5610.50"' } as const;
const count = { type: 'integer', minimum: 0 } as const;
const percent = { type: 'number', description: 'Percent, one decimal, rounded half away from zero' } as const;

const kpiSums = {
  investmentRub: { $ref: '#/components/schemas/Decimal' },
  capitalInvestmentRub: { $ref: '#/components/schemas/Decimal' },
  jobsCreated: count,
  incomeRub: { $ref: '#/components/schemas/Decimal' },
  taxesPaidRub: { $ref: '#/components/schemas/Decimal' },
};

const sourceShare = {
  type: 'object',
  required: ['amountRub', 'sharePct'],
  properties: { amountRub: { $ref: '#/components/schemas/Decimal' }, sharePct: percent },
};

const errorResponses = (...statuses: (400 | 401 | 404)[]) =>
  Object.fromEntries(
    statuses.map((status) => [
      String(status),
      {
        description: { 400: 'Invalid parameters (VALIDATION)', 401: 'No valid API token or session (UNAUTHENTICATED)', 404: 'No such park or programme, or not one the caller may read (NOT_FOUND)' }[status],
        content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
      },
    ]),
  );

const slugParam = { name: 'slug', in: 'path', required: true, schema: { type: 'string' }, description: 'The park’s slug' };
const localeParam = {
  name: 'locale',
  in: 'query',
  required: false,
  schema: { type: 'string', enum: ['en', 'ru'] },
  description: 'Language of the narrative and of file labels; by default the best match of Accept-Language, else en',
};
const formatParam = {
  name: 'format',
  in: 'query',
  required: false,
  schema: { type: 'string', enum: ['json', 'csv', 'xlsx'], default: 'json' },
  description: 'json (the stable contract), or a CSV / XLSX file for people',
};
const fileContent = (schemaRef: string) => ({
  'application/json': { schema: { $ref: schemaRef } },
  'text/csv': { schema: { type: 'string' } },
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': { schema: { type: 'string', contentMediaType: 'application/octet-stream' } },
});

export const openApiDocument = {
  openapi: '3.1.0',
  info: {
    title: 'Technopark reports API',
    version: '1',
    description:
      'Read-only access to technopark reports. Authenticate with a park API token (`Authorization: Bearer tp_…`, created by the park’s managers; it reads only its own park) or with a signed-in browser session. Errors are `{ "error": { "code", "message" } }`.',
  },
  servers: [{ url: '/api/v1' }],
  security: [{ bearerToken: [] }, { session: [] }],
  paths: {
    '/parks': {
      get: {
        operationId: 'listParks',
        summary: 'The parks the caller may read',
        responses: {
          '200': {
            description: 'Parks, by name',
            content: {
              'application/json': {
                schema: {
                  type: 'object',
                  required: ['parks'],
                  properties: { parks: { type: 'array', items: { $ref: '#/components/schemas/Park' } } },
                },
              },
            },
          },
          ...errorResponses(401),
        },
      },
    },
    '/parks/{slug}/summary': {
      get: {
        operationId: 'getParkSummary',
        summary: 'The park summary for the whole years FROM..TO (technopark-summary/1)',
        parameters: [
          slugParam,
          { name: 'from', in: 'query', required: true, schema: { type: 'integer', minimum: 1900, maximum: 2200 }, description: 'First year' },
          {
            name: 'to',
            in: 'query',
            required: true,
            schema: { type: 'integer', minimum: 1900, maximum: 2200 },
            description: 'Last year; from ≤ to, at most 100 years',
          },
          localeParam,
          formatParam,
        ],
        responses: {
          '200': { description: 'The summary', content: fileContent('#/components/schemas/ParkSummary') },
          ...errorResponses(400, 401, 404),
        },
      },
    },
    '/parks/{slug}/programmes': {
      get: {
        operationId: 'listProgrammes',
        summary: 'The park’s indicator programmes',
        parameters: [slugParam],
        responses: {
          '200': {
            description: 'Programmes, by name',
            content: {
              'application/json': {
                schema: {
                  type: 'object',
                  required: ['programmes'],
                  properties: {
                    programmes: {
                      type: 'array',
                      items: {
                        type: 'object',
                        required: ['key', 'name', 'indicatorCount'],
                        properties: { key: { type: 'string' }, name: { type: 'string' }, indicatorCount: count },
                      },
                    },
                  },
                },
              },
            },
          },
          ...errorResponses(401, 404),
        },
      },
    },
    '/parks/{slug}/programmes/{key}/indicators': {
      get: {
        operationId: 'getIndicatorReport',
        summary: 'An indicator programme’s status (technopark-indicators/1)',
        parameters: [slugParam, { name: 'key', in: 'path', required: true, schema: { type: 'string' }, description: 'The programme’s key' }, localeParam, formatParam],
        responses: {
          '200': { description: 'The programme’s indicators', content: fileContent('#/components/schemas/IndicatorReport') },
          ...errorResponses(400, 401, 404),
        },
      },
    },
  },
  components: {
    securitySchemes: {
      bearerToken: { type: 'http', scheme: 'bearer', description: 'A park API token, `tp_` followed by 43 characters' },
      session: { type: 'apiKey', in: 'cookie', name: 'authjs.session-token', description: 'The web application’s session' },
    },
    schemas: {
      Decimal: decimal,
      Error: {
        type: 'object',
        required: ['error'],
        properties: {
          error: {
            type: 'object',
            required: ['code', 'message'],
            properties: {
              code: { type: 'string', enum: ['NOT_FOUND', 'FORBIDDEN', 'CONFLICT', 'INVALID_TRANSITION', 'VALIDATION', 'UNAUTHENTICATED', 'RATE_LIMITED', 'INTERNAL'] },
              message: { type: 'string' },
              fields: { type: 'object', additionalProperties: { type: 'array', items: { type: 'string' } }, description: 'Per-parameter messages, for VALIDATION' },
            },
          },
        },
      },
      Park: {
        type: 'object',
        required: ['slug', 'name', 'region', 'type'],
        properties: {
          slug: { type: 'string' },
          name: { type: 'string' },
          region: { type: 'string' },
          type: { type: 'string', enum: [...PARK_TYPES] },
        },
      },
      ParkSummary: {
        type: 'object',
        required: [
          'format', 'park', 'period', 'requests', 'passedCouncil', 'taxIncentiveResidents', 'residentsSupported',
          'residentsSupportedOnSite', 'residentsAtEnd', 'smeResidentsAtEnd', 'area', 'totals', 'lastYear', 'budget',
          'payback', 'reporting', 'support', 'narrative',
        ],
        properties: {
          format: { const: 'technopark-summary/1' },
          park: { type: 'object', required: ['slug', 'name'], properties: { slug: { type: 'string' }, name: { type: 'string' } } },
          period: { type: 'object', required: ['from', 'to'], properties: { from: { type: 'integer' }, to: { type: 'integer' } } },
          requests: { ...count, description: 'Applications submitted in the period (drafts never count)' },
          passedCouncil: { ...count, description: 'Applications with an approved council decision dated in the period' },
          taxIncentiveResidents: { ...count, description: 'Distinct companies with a tax-incentive grant dated in the period' },
          residentsSupported: { ...count, description: 'Distinct companies whose residency overlaps the period' },
          residentsSupportedOnSite: { ...count, description: 'Of those, with an on-site residency overlapping the period' },
          residentsAtEnd: { ...count, description: 'Distinct companies with a residency active on 31 December of TO' },
          smeResidentsAtEnd: { ...count, description: 'Of those, SME category micro, small or medium' },
          area: {
            type: 'object',
            required: ['totalM2', 'leasedM2', 'usePct'],
            description: 'Premises available on the last day, and leased on it',
            properties: { totalM2: { $ref: '#/components/schemas/Decimal' }, leasedM2: { $ref: '#/components/schemas/Decimal' }, usePct: percent },
          },
          totals: { type: 'object', required: Object.keys(kpiSums), properties: kpiSums, description: 'Accepted annual KPI reports of the period' },
          lastYear: {
            type: 'object',
            required: ['year', ...Object.keys(kpiSums)],
            properties: { year: { type: 'integer' }, ...kpiSums },
            description: 'Accepted annual KPI reports of the year TO',
          },
          budget: {
            type: 'object',
            required: ['totalRub', 'bySource'],
            description: 'All budget funding of the years up to TO',
            properties: {
              totalRub: { $ref: '#/components/schemas/Decimal' },
              bySource: {
                type: 'object',
                required: [...FUNDING_SOURCES],
                properties: Object.fromEntries(FUNDING_SOURCES.map((source) => [source, sourceShare])),
              },
            },
          },
          payback: {
            type: 'object',
            required: ['taxesPerBudgetRub', 'paybackYear'],
            properties: {
              taxesPerBudgetRub: { type: ['number', 'null'], description: 'Taxes up to TO ÷ funding up to TO, two decimals; null without funding' },
              paybackYear: { type: ['integer', 'null'], description: 'First year whose cumulative taxes reached the cumulative funding' },
            },
          },
          reporting: {
            type: 'object',
            required: ['expected', 'accepted', 'pending', 'missing'],
            properties: { expected: count, accepted: count, pending: count, missing: count },
          },
          support: {
            type: 'object',
            required: ['rentRub', 'servicesRub', 'totalRub', 'taxesPerSupportRub'],
            description: 'What the park’s support of its residents was worth in the period (added to the format later; additive)',
            properties: {
              rentRub: { ...decimal, description: 'Σ max(0, market rate − rate) × m² × 12 / 365 × days of the lease in the period, over leases with both rates' },
              servicesRub: { ...decimal, description: 'Σ (unit market price − unit price) × quantity over requests done in the period' },
              totalRub: { ...decimal, description: 'rentRub + servicesRub, of the exact sums' },
              taxesPerSupportRub: { type: ['number', 'null'], description: 'totals.taxesPaidRub ÷ the exact total, two decimals; null when the total is zero' },
            },
          },
          narrative: { type: 'string' },
        },
      },
      IndicatorReport: {
        type: 'object',
        required: ['format', 'programme', 'indicators'],
        properties: {
          format: { const: 'technopark-indicators/1' },
          programme: { type: 'object', required: ['key', 'name'], properties: { key: { type: 'string' }, name: { type: 'string' } } },
          indicators: {
            type: 'array',
            items: {
              type: 'object',
              required: ['key', 'name', 'unit', 'direction', 'latest', 'target', 'requiredGrowthPct', 'growthSoFarPct', 'status'],
              properties: {
                key: { type: 'string' },
                name: { type: 'string' },
                unit: { type: 'string' },
                direction: { type: 'string', enum: [...INDICATOR_DIRECTIONS] },
                latest: { oneOf: [{ $ref: '#/components/schemas/YearValue' }, { type: 'null' }] },
                target: { oneOf: [{ $ref: '#/components/schemas/YearValue' }, { type: 'null' }] },
                requiredGrowthPct: { type: ['number', 'null'] },
                growthSoFarPct: { type: ['number', 'null'] },
                status: { type: 'string', enum: ['achieved', 'on_track', 'off_track', 'no_data'] },
              },
            },
          },
        },
      },
      YearValue: { type: 'object', required: ['year', 'value'], properties: { year: { type: 'integer' }, value: { type: 'number' } } },
    },
  },
} as const;
