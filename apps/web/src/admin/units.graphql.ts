import { graphql } from '../gql';

export const UnitsDocument = graphql(`
  query AdminUnits {
    units {
      id
      code
      name
      timezone
      parent {
        id
      }
      positions {
        id
        title
        holder {
          id
          name
        }
        superior {
          id
          title
        }
      }
    }
  }
`);
