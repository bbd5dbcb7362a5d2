# One image for the api, the worker and the CLI (migrations, seed).
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json .npmrc ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json nest-cli.json ./
COPY apps apps
COPY libs libs
COPY migrations migrations
# The production build leaves the benchmarks and tests out (tsconfig.build.json); fail if it ever does not.
RUN npm run build && test ! -e dist/bench && test ! -e dist/test

FROM node:20-bookworm-slim
ENV NODE_ENV=production
WORKDIR /app
COPY package.json package-lock.json .npmrc ./
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force
COPY --from=build /app/dist dist
COPY libs/seed/data libs/seed/data
COPY libs/language/data libs/language/data
USER node
EXPOSE 3000
# The API's old space is capped (320 MB): V8 otherwise lets garbage build up to twice the live
# heap before collecting, which during a catalogue import doubled the process's memory.
CMD ["node", "--max-old-space-size=320", "dist/apps/api/src/main.js"]
