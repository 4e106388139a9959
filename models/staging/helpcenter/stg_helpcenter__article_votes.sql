with
source as (
    select * from {{ source('helpcenter', 'article_votes') }}
),

renamed as (
    select distinct
        cast(vote_id as {{ dbt.type_string() }}) as article_vote_id,
        cast(article_id as {{ dbt.type_string() }}) as article_id,
        cast(voter_id as {{ dbt.type_string() }}) as voter_id,
        lower(cast(vote as {{ dbt.type_string() }})) as vote,
        {{ to_utc('voted_at') }} as voted_at
    from source
),

final as (
    select
        *,
        vote = 'up' as is_upvote
    from renamed
)

select * from final
