/** REST and WebSocket schemas of the surveys feature (prefix exported names to avoid clashes). */
export {};
