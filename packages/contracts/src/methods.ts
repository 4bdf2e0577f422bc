/** REST and WebSocket schemas of the methods feature (prefix exported names to avoid clashes). */
export {};
