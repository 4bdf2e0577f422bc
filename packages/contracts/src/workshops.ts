/** REST and WebSocket schemas of the workshops feature (prefix exported names to avoid clashes). */
export {};
