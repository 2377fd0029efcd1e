// Run once by the mongo image (mongosh) on an empty volume: a user per service that may read and write only its own
// database, with the password from .env.
for (const service of ["review", "notification"]) {
    const variable = `MONGO_${service.toUpperCase()}_PASSWORD`;
    const password = process.env[variable];
    if (!password) {
        throw new Error(`${variable} is not set: generate .env with deploy/docker/generate-env.sh`);
    }
    db.getSiblingDB(service).createUser({user: service, pwd: password, roles: [{role: "readWrite", db: service}]});
}
